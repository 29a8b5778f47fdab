<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgreementDialog</name>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="117"/>
        <source>Agreement</source>
        <translation>一致性</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="143"/>
        <source>Take &amp;A</source>
        <translation>采用 A(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="144"/>
        <source>Take &amp;B</source>
        <translation>采用 B(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="145"/>
        <source>Co&amp;mbine</source>
        <translation>合并(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="146"/>
        <source>&amp;Write own…</source>
        <translation>自行标注(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="148"/>
        <source>A:</source>
        <translation>A：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="150"/>
        <source>B:</source>
        <translation>B：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="187"/>
        <source>Choose two different analysts.</source>
        <translation>请选择两位不同的分析员。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="192"/>
        <source>%1 report(s) both tagged; %2 disagreement(s), most serious first</source>
        <translation>双方都标注的报告 %1 份；分歧 %2 处，按严重程度排序</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../desktop/ui/connect_dialog.py" line="32"/>
        <source>Connect to a team database</source>
        <translation>连接团队数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connect_dialog.py" line="44"/>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connect_dialog.py" line="48"/>
        <source>URL (or the fields below)</source>
        <translation>URL（或填写以下各项）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connect_dialog.py" line="49"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connect_dialog.py" line="50"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connect_dialog.py" line="51"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connect_dialog.py" line="52"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connect_dialog.py" line="53"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connect_dialog.py" line="80"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
</context>
<context>
    <name>DeleteKindDialog</name>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="196"/>
        <source>Delete a tag kind</source>
        <translation>删除标注类型</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/schema_dialog.py" line="199"/>
        <source>%n tag(s) use the kind “%1”. What should happen to them?</source>
        <translation>
            <numerusform>有 %n 个标注使用类型“%1”。如何处理这些标注？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="202"/>
        <source>&amp;Move them to</source>
        <translation>移到(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="206"/>
        <source>&amp;Delete them (their history keeps them)</source>
        <translation>删除这些标注（历史记录中保留）(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="212"/>
        <source>Moved tags keep the values of fields the other kind also has; the rest are dropped (and kept in each tag&apos;s history).</source>
        <translation>移动的标注保留目标类型也有的字段值，其余字段值被舍弃（保留在各标注的历史记录中）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="216"/>
        <source>Delete kind</source>
        <translation>删除类型</translation>
    </message>
</context>
<context>
    <name>DisagreementsModel</name>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="105"/>
        <source>decided</source>
        <translation>已裁定</translation>
    </message>
</context>
<context>
    <name>EditsDialog</name>
    <message>
        <location filename="../../desktop/ui/edits_dialog.py" line="63"/>
        <source>Import edits from a workbook</source>
        <translation>从工作簿导入修改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/edits_dialog.py" line="77"/>
        <source>Fix the values listed in red in the workbook and import it again; nothing will be changed until then.</source>
        <translation>请在工作簿中改正红色标出的值后重新导入；在此之前不会做任何更改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/edits_dialog.py" line="80"/>
        <source>There is nothing to apply.</source>
        <translation>没有可应用的修改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/edits_dialog.py" line="82"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
</context>
<context>
    <name>ExcelFeature</name>
    <message>
        <location filename="../../desktop/ui/features/excel.py" line="43"/>
        <source>Import edits from a workbook</source>
        <translation>从工作簿导入修改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/excel.py" line="44"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="59"/>
        <source>Export tags</source>
        <translation>导出标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="73"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="74"/>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="75"/>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="76"/>
        <source>All regions</source>
        <translation>全部地区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="77"/>
        <source>All years</source>
        <translation>全部年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="79"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="87"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="88"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="89"/>
        <source>Analyst</source>
        <translation>分析员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="90"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="91"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="92"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="93"/>
        <source>Save to</source>
        <translation>保存到</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="100"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="125"/>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="143"/>
        <source>Choose where to save the export.</source>
        <translation>请选择导出文件的保存位置。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="156"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/export_dialog.py" line="177"/>
        <source>Exported %n tag(s) to </source>
        <translation>
            <numerusform>已导出 %n 个标注到 </numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="184"/>
        <source>The export failed: </source>
        <translation>导出失败：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="190"/>
        <source>Export cancelled; nothing was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>FieldForm</name>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="157"/>
        <source>made from the label</source>
        <translation>由标签生成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="169"/>
        <source>choices separated by 、 or commas</source>
        <translation>选项之间用 、 或逗号分隔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="171"/>
        <source>&amp;Label</source>
        <translation>标签(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="173"/>
        <source>&amp;Key</source>
        <translation>键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="174"/>
        <source>&amp;Type</source>
        <translation>类型(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="175"/>
        <source>C&amp;hoices</source>
        <translation>选项(&amp;H)</translation>
    </message>
</context>
<context>
    <name>FieldTableModel</name>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="94"/>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="94"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="94"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="95"/>
        <source>Choices</source>
        <translation>选项</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="58"/>
        <source>Import reports</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="66"/>
        <source>Preparing…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="104"/>
        <source>Finishing…</source>
        <translation>正在完成…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="106"/>
        <source>Importing {0} ({1} of {2})</source>
        <translation>正在导入 {0}（第 {1} 个，共 {2} 个）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="129"/>
        <source>The import failed: {0}</source>
        <translation>导入失败：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="141"/>
        <source>Import cancelled. Files imported before Cancel stay in the project; the file in progress was not imported.</source>
        <translation>已取消导入。取消前已导入的文件保留在项目中；正在处理的文件未导入。</translation>
    </message>
</context>
<context>
    <name>ImportFeature</name>
    <message>
        <location filename="../../desktop/ui/features/importing.py" line="33"/>
        <source>Import reports</source>
        <translation>导入报告</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <location filename="../../desktop/ui/inspector.py" line="57"/>
        <source>Select text and press 1, 2 or 3 to tag it;
click a tag to see its fields here.</source>
        <translation>选中文字后按 1、2 或 3 进行标注；
点击标注可在此查看其字段。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/inspector.py" line="85"/>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/inspector.py" line="91"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/inspector.py" line="101"/>
        <source>Links</source>
        <translation>关联</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/inspector.py" line="108"/>
        <source>Link to program…</source>
        <translation>关联举措…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/inspector.py" line="110"/>
        <source>Same record…</source>
        <translation>同一记录…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/inspector.py" line="112"/>
        <source>Remove link</source>
        <translation>移除关联</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/inspector.py" line="119"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/inspector.py" line="124"/>
        <source>Revert to this version</source>
        <translation>还原到此版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/inspector.py" line="154"/>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/inspector.py" line="162"/>
        <source>Suggested by rule %1
Enter accepts these fields · X rejects</source>
        <translation>由规则 %1 建议
按 Enter 采纳这些字段 · 按 X 拒绝</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/inspector.py" line="198"/>
        <source>By %1 · %2
Created %3 · updated %4</source>
        <translation>%1 · %2
创建于 %3 · 更新于 %4</translation>
    </message>
</context>
<context>
    <name>KindForm</name>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="133"/>
        <source>one letter or digit</source>
        <translation>一个字母或数字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="137"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="139"/>
        <source>&amp;Key to tag with</source>
        <translation>标注快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="140"/>
        <source>&amp;Colour</source>
        <translation>颜色(&amp;C)</translation>
    </message>
</context>
<context>
    <name>KindTableModel</name>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="55"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="55"/>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="55"/>
        <source>Tags</source>
        <translation>标注数</translation>
    </message>
</context>
<context>
    <name>LayersFeature</name>
    <message>
        <location filename="../../desktop/ui/features/layers.py" line="26"/>
        <source>&amp;Analysts</source>
        <translation>分析员(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/layers.py" line="27"/>
        <source>&amp;Blind review (hide colleagues&apos; tags until done)</source>
        <translation>盲审(&amp;B)（完成前隐藏同事的标注）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/layers.py" line="33"/>
        <source>Mark report &amp;done</source>
        <translation>标记报告为已完成(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/layers.py" line="69"/>
        <source>Report marked done.</source>
        <translation>报告已标记为完成。</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <location filename="../../desktop/ui/library.py" line="30"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="30"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="30"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="31"/>
        <source>Chars</source>
        <translation>字数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="31"/>
        <source>M·P·T</source>
        <translation>指·举·目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="31"/>
        <source>State</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="35"/>
        <source>untouched</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="35"/>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="36"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../desktop/ui/library.py" line="132"/>
        <source>Filter reports (title, region, agency…)</source>
        <translation>筛选报告（标题、地区、发布单位…）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="136"/>
        <location filename="../../desktop/ui/library.py" line="205"/>
        <source>All analysts</source>
        <translation>全部分析员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="152"/>
        <source>Edit metadata…</source>
        <translation>编辑报告信息…</translation>
    </message>
</context>
<context>
    <name>MainController</name>
    <message>
        <location filename="../../desktop/ui/controller.py" line="269"/>
        <source>Analyst: %1</source>
        <translation>分析员：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="276"/>
        <source>%1 suggestions</source>
        <translation>%1 条建议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="335"/>
        <source>ReportMark</source>
        <translation>ReportMark</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="340"/>
        <source>Select some text first.</source>
        <translation>请先选中文字。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="356"/>
        <source>Tag as %1</source>
        <translation>标注为 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="365"/>
        <source>Tag all occurrences</source>
        <translation>标注所有出现处</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="387"/>
        <source>%1 tags created</source>
        <translation>已创建 %1 个标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="397"/>
        <source>Delete tag</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="406"/>
        <source>Resize tag</source>
        <translation>调整标注范围</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="427"/>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="439"/>
        <source>Edit note</source>
        <translation>编辑备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="451"/>
        <source>Change kind</source>
        <translation>更改类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="457"/>
        <source>Kind changed to %1 — Ctrl+Z changes it back</source>
        <translation>类型已改为%1 — 按 Ctrl+Z 可改回</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="468"/>
        <source>Revert tag</source>
        <translation>还原标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="481"/>
        <source>There is no tag to link to in this report.</source>
        <translation>本报告中没有可关联的标注。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="484"/>
        <source>Link tag</source>
        <translation>关联标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="484"/>
        <source>Link to:</source>
        <translation>关联到：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="496"/>
        <source>Link tags</source>
        <translation>关联标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="508"/>
        <source>Remove link</source>
        <translation>移除关联</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="530"/>
        <source>Switch analyst</source>
        <translation>切换分析员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="531"/>
        <source>Your name:</source>
        <translation>您的名字：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="539"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="540"/>
        <source>1 / 2 / 3 — tag the selection as Metric / Program / Target
N / P — next / previous tag or suggestion
Enter or A — accept the selected suggestion; Shift+Enter — accept all of its kind
Delete or X — reject the selected suggestion; Delete — delete the selected tag
Shift+← / → — move the selected tag&apos;s end; Alt+← / → — move its start
Double-click — select the number with its unit, or the quoted name
F2 — edit the selected tag&apos;s first field
Ctrl+Z / Ctrl+Y — undo / redo · Ctrl+F — find · Ctrl+Shift+F — search the project
Ctrl+E — export</source>
        <translation>1 / 2 / 3 — 将选中文字标注为 指标 / 举措 / 目标
N / P — 下一个 / 上一个标注或建议
Enter 或 A — 采纳选中的建议；Shift+Enter — 采纳该类全部建议
Delete 或 X — 拒绝选中的建议；Delete — 删除选中的标注
Shift+← / → — 移动标注的结尾；Alt+← / → — 移动其开头
双击 — 选中数字及其单位，或引号中的名称
F2 — 编辑选中标注的第一个字段
Ctrl+Z / Ctrl+Y — 撤销 / 重做 · Ctrl+F — 查找 · Ctrl+Shift+F — 搜索整个项目
Ctrl+E — 导出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="553"/>
        <source>About ReportMark</source>
        <translation>关于 ReportMark</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="555"/>
        <source>Tag metrics, programs and targets in Chinese reports.</source>
        <translation>在中文报告中标注指标、举措和目标。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="54"/>
        <source>Library</source>
        <translation>报告库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="55"/>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="65"/>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="118"/>
        <source>&amp;Import reports…</source>
        <translation>导入报告(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="119"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="120"/>
        <source>Import &amp;edits from a workbook…</source>
        <translation>从工作簿导入修改(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="121"/>
        <source>&amp;Merge colleague&apos;s project…</source>
        <translation>合并同事的项目(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="122"/>
        <source>&amp;Connect to team database…</source>
        <translation>连接团队数据库(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="123"/>
        <source>Switch &amp;analyst…</source>
        <translation>切换分析员(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="124"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="125"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="127"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="129"/>
        <source>&amp;Find in report…</source>
        <translation>在报告中查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="130"/>
        <source>Search the &amp;project…</source>
        <translation>搜索整个项目(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="131"/>
        <source>&amp;Next tag</source>
        <translation>下一个标注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="132"/>
        <source>&amp;Previous tag</source>
        <translation>上一个标注(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="133"/>
        <source>Show &amp;suggestions</source>
        <translation>显示建议(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="136"/>
        <source>Tag &amp;kinds and fields…</source>
        <translation>标注类型与字段(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="137"/>
        <source>&amp;Program registry…</source>
        <translation>举措名录(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="138"/>
        <source>&amp;Agreement…</source>
        <translation>一致性(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="139"/>
        <source>&amp;About ReportMark</source>
        <translation>关于 ReportMark(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="140"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="143"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="151"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="157"/>
        <source>&amp;Tag</source>
        <translation>标注(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="163"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="168"/>
        <source>&amp;Review</source>
        <translation>审核(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="170"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="174"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="198"/>
        <source>Tag the selected text as %1</source>
        <translation>将选中文字标注为 %1</translation>
    </message>
</context>
<context>
    <name>MetadataDialog</name>
    <message>
        <location filename="../../desktop/ui/metadata_dialog.py" line="16"/>
        <source>Report metadata</source>
        <translation>报告信息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metadata_dialog.py" line="28"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metadata_dialog.py" line="29"/>
        <source>Agency</source>
        <translation>发布单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metadata_dialog.py" line="30"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metadata_dialog.py" line="31"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metadata_dialog.py" line="32"/>
        <source>Published</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metadata_dialog.py" line="53"/>
        <source>The year must be a number such as 2025.</source>
        <translation>年份应为数字，例如 2025。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metadata_dialog.py" line="54"/>
        <source>A report needs a title.</source>
        <translation>报告需要标题。</translation>
    </message>
</context>
<context>
    <name>ProgramTableModel</name>
    <message>
        <location filename="../../desktop/ui/programs_dialog.py" line="44"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/programs_dialog.py" line="44"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/programs_dialog.py" line="44"/>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/programs_dialog.py" line="45"/>
        <source>Tags</source>
        <translation>标注</translation>
    </message>
</context>
<context>
    <name>ProgramsDialog</name>
    <message>
        <location filename="../../desktop/ui/programs_dialog.py" line="75"/>
        <source>Program registry</source>
        <translation>举措名录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/programs_dialog.py" line="88"/>
        <source>New name or alias</source>
        <translation>新名称或别名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/programs_dialog.py" line="89"/>
        <source>&amp;Rename</source>
        <translation>重命名(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/programs_dialog.py" line="90"/>
        <source>Add &amp;alias</source>
        <translation>添加别名(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/programs_dialog.py" line="92"/>
        <source>&amp;Merge into</source>
        <translation>合并到(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/programs_dialog.py" line="142"/>
        <source>Select a program.</source>
        <translation>请选择一个举措。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/programs_dialog.py" line="146"/>
        <source>Aliases: </source>
        <translation>别名：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/programs_dialog.py" line="146"/>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <location filename="../../desktop/ui/reader.py" line="564"/>
        <source>Tag as %1</source>
        <translation>标注为 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader.py" line="573"/>
        <source>Tag all occurrences as</source>
        <translation>将所有出现处标注为</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader.py" line="582"/>
        <source>Delete tag</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader.py" line="586"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>ReviewFeature</name>
    <message>
        <location filename="../../desktop/ui/features/review.py" line="25"/>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/review.py" line="65"/>
        <source>Write your own</source>
        <translation>自行标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/review.py" line="66"/>
        <source>Kind of the consensus tag:</source>
        <translation>共识标注的类型：</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="93"/>
        <source>any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="95"/>
        <source>colleague (all)</source>
        <translation>同事（全部）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/review_panel.py" line="134"/>
        <source>%n tag(s) to review</source>
        <translation>
            <numerusform>待审核标注 %n 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewQueueModel</name>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="51"/>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="51"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="51"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="52"/>
        <source>Author</source>
        <translation>标注人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="52"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="52"/>
        <source>Last comment</source>
        <translation>最新评论</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="66"/>
        <source>(deleted)</source>
        <translation>（已删除）</translation>
    </message>
</context>
<context>
    <name>SchemaDialog</name>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="239"/>
        <source>Tag kinds and fields</source>
        <translation>标注类型和字段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="245"/>
        <source>&amp;Add kind…</source>
        <translation>添加类型(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="246"/>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="247"/>
        <source>&amp;Colour…</source>
        <translation>颜色(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="248"/>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="249"/>
        <source>Add &amp;field…</source>
        <translation>添加字段(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="250"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="251"/>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="252"/>
        <source>&amp;Up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="253"/>
        <source>Do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="255"/>
        <source>Removing a field hides it: values already entered stay in the tags, and come back if a field with the same key is added.</source>
        <translation>移除字段只是隐藏它：已填写的值仍保留在标注中，重新添加同键字段后会再次显示。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="344"/>
        <source>Fields of %1</source>
        <translation>%1 的字段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="345"/>
        <source>Select a kind to see its fields.</source>
        <translation>选择一个类型以查看其字段。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="384"/>
        <source>Add a tag kind</source>
        <translation>添加标注类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="395"/>
        <source>Rename a tag kind</source>
        <translation>重命名标注类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="404"/>
        <source>Colour of %1</source>
        <translation>%1 的颜色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="423"/>
        <source>Delete a tag kind</source>
        <translation>删除标注类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="424"/>
        <source>Delete the kind “%1” and its fields? No tag uses it.</source>
        <translation>删除类型“%1”及其字段？没有标注使用该类型。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="434"/>
        <source>Add a field to %1</source>
        <translation>为 %1 添加字段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="447"/>
        <source>Edit the field %1</source>
        <translation>编辑字段 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="459"/>
        <source>Remove a field</source>
        <translation>移除字段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="460"/>
        <source>Remove the field “%1”? Values already entered stay in the tags but are no longer shown; adding a field with the key “%2” again shows them.</source>
        <translation>移除字段“%1”？已填写的值仍保留在标注中，但不再显示；重新添加键为“%2”的字段后会再次显示。</translation>
    </message>
</context>
<context>
    <name>SearchFeature</name>
    <message>
        <location filename="../../desktop/ui/features/search.py" line="25"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/search.py" line="62"/>
        <source>Tag all results</source>
        <translation>标注全部结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/search.py" line="65"/>
        <source>%1 tags created</source>
        <translation>已创建 %1 个标注</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="84"/>
        <location filename="../../desktop/ui/search_panel.py" line="123"/>
        <source>Search the project</source>
        <translation>搜索整个项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="86"/>
        <source>Regex</source>
        <translation>正则</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="88"/>
        <source>Tag all results as…</source>
        <translation>将全部结果标注为…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="123"/>
        <source>Search this report</source>
        <translation>搜索本报告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="148"/>
        <source> (first {0} shown)</source>
        <translation>（显示前 {0} 条）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="149"/>
        <source>{0} results in {1} reports</source>
        <translation>{1} 份报告中共 {0} 条结果</translation>
    </message>
</context>
<context>
    <name>SuggestionsFeature</name>
    <message>
        <location filename="../../desktop/ui/features/suggestions.py" line="83"/>
        <source>Suggestion (%1) · Enter accepts, X rejects</source>
        <translation>建议（%1）· Enter 采纳，X 拒绝</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/suggestions.py" line="95"/>
        <source>Finding suggestions…</source>
        <translation>正在生成建议…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/suggestions.py" line="115"/>
        <source>Suggestions failed: %1</source>
        <translation>生成建议失败：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/suggestions.py" line="173"/>
        <source>Accept suggestion</source>
        <translation>采纳建议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/suggestions.py" line="197"/>
        <source>Reject suggestion</source>
        <translation>拒绝建议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/suggestions.py" line="221"/>
        <source>Accept all suggestions of a kind</source>
        <translation>采纳该类全部建议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/suggestions.py" line="224"/>
        <source>%1 suggestions accepted</source>
        <translation>已采纳 %1 条建议</translation>
    </message>
</context>
<context>
    <name>TagStatus</name>
    <message>
        <location filename="../../desktop/ui/tag_table.py" line="36"/>
        <source>open</source>
        <translation>待审</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_table.py" line="37"/>
        <source>accepted</source>
        <translation>已采纳</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_table.py" line="38"/>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_table.py" line="39"/>
        <source>corrected</source>
        <translation>已更正</translation>
    </message>
</context>
<context>
    <name>TagTableModel</name>
    <message>
        <location filename="../../desktop/ui/tag_table.py" line="47"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_table.py" line="47"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_table.py" line="47"/>
        <source>Key fields</source>
        <translation>关键字段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_table.py" line="48"/>
        <source>Author</source>
        <translation>标注人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_table.py" line="48"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>TagTablePanel</name>
    <message>
        <location filename="../../desktop/ui/tag_table.py" line="137"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_table.py" line="142"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_table.py" line="148"/>
        <source>All authors</source>
        <translation>全部标注人</translation>
    </message>
</context>
<context>
    <name>TeamFeature</name>
    <message>
        <location filename="../../desktop/ui/features/team.py" line="39"/>
        <source>Merge a colleague&apos;s project</source>
        <translation>合并同事的项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/team.py" line="40"/>
        <source>ReportMark projects (*.rmk *.sqlite *.db);;All files (*)</source>
        <translation>ReportMark 项目 (*.rmk *.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/team.py" line="48"/>
        <source>Merging…</source>
        <translation>正在合并…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/team.py" line="48"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/team.py" line="76"/>
        <source>Merge finished</source>
        <translation>合并完成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/team.py" line="89"/>
        <source>Team database</source>
        <translation>团队数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/team.py" line="90"/>
        <source>Restart ReportMark with this database:

reportmark --db %1</source>
        <translation>请用此数据库重新启动 ReportMark：

reportmark --db %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/team.py" line="100"/>
        <source>Team database unreachable: %1</source>
        <translation>无法连接团队数据库：%1</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../desktop/app.py" line="101"/>
        <source>Welcome to ReportMark. Your name:</source>
        <translation>欢迎使用 ReportMark。您的名字：</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="117"/>
        <source>%1

Restore the backup %2 now? The file it replaces is kept beside the backups.</source>
        <translation>%1

现在恢复备份 %2 吗？被替换的文件会保留在备份旁边。</translation>
    </message>
</context>
</TS>

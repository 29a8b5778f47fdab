<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgreementDialog</name>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="145"/>
        <source>Agreement</source>
        <translation>一致性</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="178"/>
        <source>Take &amp;A</source>
        <translation>采用 A(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="179"/>
        <source>Take &amp;B</source>
        <translation>采用 B(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="180"/>
        <source>Co&amp;mbine</source>
        <translation>合并(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="181"/>
        <source>&amp;Write own…</source>
        <translation>自行标注(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="183"/>
        <source>A:</source>
        <translation>A：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="185"/>
        <source>B:</source>
        <translation>B：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="222"/>
        <source>Choose two different analysts.</source>
        <translation>请选择两位不同的分析员。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="227"/>
        <source>%1 report(s) both tagged; %2 disagreement(s), most serious first</source>
        <translation>双方都标注的报告 %1 份；分歧 %2 处，按严重程度排序</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="250"/>
        <source>Adjudicate</source>
        <translation>裁定</translation>
    </message>
</context>
<context>
    <name>AnnotationsDialog</name>
    <message>
        <location filename="../../desktop/ui/annotations_dialog.py" line="43"/>
        <source>Import annotations</source>
        <translation>导入标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations_dialog.py" line="51"/>
        <source>%1 (%2): documents %3, spans %4. Nothing is written until you press Import.</source>
        <translation>%1（%2）：文档 %3 篇，标注 %4 处。按“导入”之前不会写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations_dialog.py" line="58"/>
        <source>Label in the file</source>
        <translation>文件中的标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations_dialog.py" line="58"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations_dialog.py" line="59"/>
        <source>Spans</source>
        <translation>标注数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations_dialog.py" line="61"/>
        <source>%1 (new kind)</source>
        <translation>%1（新类型）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations_dialog.py" line="73"/>
        <source>Reports: %1 already in the project (matched by their text), %2 to import.</source>
        <translation>报告：%1 份已在项目中（按正文匹配），%2 份将导入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations_dialog.py" line="83"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations_dialog.py" line="91"/>
        <source>Labels and the kinds they become:</source>
        <translation>标签及其对应的标注类型：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations_dialog.py" line="99"/>
        <source>Nothing was imported: %1</source>
        <translation>未导入任何内容：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations_dialog.py" line="115"/>
        <source>Imported: %1 tags (%2); %3 already tagged; %4 reports imported, %5 matched; new kinds: %6.</source>
        <translation>已导入：%1 个标注（%2）；%3 个已标注过；导入报告 %4 份，匹配 %5 份；新类型：%6。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations_dialog.py" line="121"/>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../desktop/ui/connect_dialog.py" line="40"/>
        <source>Connect to a team database</source>
        <translation>连接团队数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connect_dialog.py" line="52"/>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connect_dialog.py" line="56"/>
        <source>The password is kept in your PostgreSQL password file (%1), readable only by you; it is never shown, saved in the settings or put on the command line.</source>
        <translation>密码保存在您的 PostgreSQL 密码文件（%1）中，仅您本人可读；它不会被显示、写入设置或出现在命令行中。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connect_dialog.py" line="61"/>
        <source>URL (or the fields below)</source>
        <translation>URL（或填写以下各项）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connect_dialog.py" line="62"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connect_dialog.py" line="63"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connect_dialog.py" line="64"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connect_dialog.py" line="65"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connect_dialog.py" line="67"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connect_dialog.py" line="96"/>
        <source>The password could not be saved: %1</source>
        <translation>无法保存密码：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connect_dialog.py" line="107"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
</context>
<context>
    <name>DeleteKindDialog</name>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="200"/>
        <source>Delete a tag kind</source>
        <translation>删除标注类型</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/schema_dialog.py" line="203"/>
        <source>%n tag(s) use the kind “%1”. What should happen to them?</source>
        <translation>
            <numerusform>有 %n 个标注使用类型“%1”。如何处理这些标注？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="206"/>
        <source>&amp;Move them to</source>
        <translation>移到(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="210"/>
        <source>&amp;Delete them (their history keeps them)</source>
        <translation>删除这些标注（历史记录中保留）(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="216"/>
        <source>Moved tags keep the values of fields the other kind also has; the rest are dropped (and kept in each tag&apos;s history).</source>
        <translation>移动的标注保留目标类型也有的字段值，其余字段值被舍弃（保留在各标注的历史记录中）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="220"/>
        <source>Delete kind</source>
        <translation>删除类型</translation>
    </message>
</context>
<context>
    <name>DisagreementsModel</name>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="78"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="78"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="78"/>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="78"/>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="79"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="79"/>
        <source>Consensus</source>
        <translation>共识</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="85"/>
        <source>different kind</source>
        <translation>类型不同</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="85"/>
        <source>only A</source>
        <translation>仅 A</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="86"/>
        <source>only B</source>
        <translation>仅 B</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="86"/>
        <source>different span</source>
        <translation>范围不同</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="87"/>
        <source>different fields</source>
        <translation>字段不同</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="101"/>
        <source>fields: %1</source>
        <translation>字段：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="130"/>
        <source>decided</source>
        <translation>已裁定</translation>
    </message>
</context>
<context>
    <name>EditsDialog</name>
    <message>
        <location filename="../../desktop/ui/edits_dialog.py" line="69"/>
        <source>Import edits from a workbook</source>
        <translation>从工作簿导入修改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/edits_dialog.py" line="83"/>
        <source>Fix the values listed in red in the workbook and import it again; nothing will be changed until then.</source>
        <translation>请在工作簿中改正红色标出的值后重新导入；在此之前不会做任何更改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/edits_dialog.py" line="86"/>
        <source>There is nothing to apply.</source>
        <translation>没有可应用的修改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/edits_dialog.py" line="88"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
</context>
<context>
    <name>EditsModel</name>
    <message>
        <location filename="../../desktop/ui/edits_dialog.py" line="48"/>
        <source>stored as </source>
        <translation>存为 </translation>
    </message>
</context>
<context>
    <name>ExcelFeature</name>
    <message>
        <location filename="../../desktop/ui/features/excel.py" line="49"/>
        <source>Import edits from a workbook</source>
        <translation>从工作簿导入修改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/excel.py" line="50"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/excel.py" line="77"/>
        <source>Import edits</source>
        <translation>导入修改</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="69"/>
        <source>Export tags</source>
        <translation>导出标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="85"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="86"/>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="88"/>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="90"/>
        <source>All regions</source>
        <translation>全部地区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="91"/>
        <source>All years</source>
        <translation>全部年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="95"/>
        <source>en</source>
        <comment>workbook language code</comment>
        <translation>zh_CN</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="98"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="106"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="107"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="108"/>
        <source>Analyst</source>
        <translation>分析员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="109"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="110"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="111"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="112"/>
        <source>Workbook language</source>
        <translation>工作簿语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="113"/>
        <source>Save to</source>
        <translation>保存到</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="120"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="121"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="122"/>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="141"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿（.xlsx）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="142"/>
        <source>CSV, one file per kind (.csv)</source>
        <translation>CSV，每类一个文件（.csv）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="143"/>
        <source>JSON Lines (.jsonl)</source>
        <translation>JSON 行格式（.jsonl）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="159"/>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="183"/>
        <source>Choose where to save the export.</source>
        <translation>请选择导出文件的保存位置。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="187"/>
        <source>Replace the file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="188"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 已存在。要替换吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="215"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/export_dialog.py" line="236"/>
        <source>Exported %n tag(s) to </source>
        <translation>
            <numerusform>已导出 %n 个标注到 </numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="242"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="259"/>
        <source>The export failed: </source>
        <translation>导出失败：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="265"/>
        <source>Export cancelled; nothing was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>FieldForm</name>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="161"/>
        <source>made from the label</source>
        <translation>由标签生成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="173"/>
        <source>choices separated by 、 or commas</source>
        <translation>选项之间用 、 或逗号分隔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="175"/>
        <source>&amp;Label</source>
        <translation>标签(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="177"/>
        <source>&amp;Key</source>
        <translation>键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="178"/>
        <source>&amp;Type</source>
        <translation>类型(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="179"/>
        <source>C&amp;hoices</source>
        <translation>选项(&amp;H)</translation>
    </message>
</context>
<context>
    <name>FieldTableModel</name>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="96"/>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="96"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="96"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="97"/>
        <source>Choices</source>
        <translation>选项</translation>
    </message>
</context>
<context>
    <name>FieldType</name>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="109"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="110"/>
        <source>number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="111"/>
        <source>choice</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="112"/>
        <source>period</source>
        <translation>时期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="113"/>
        <source>reference</source>
        <translation>引用</translation>
    </message>
</context>
<context>
    <name>FiguresModel</name>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="52"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="52"/>
        <source>Tags A</source>
        <translation>A 的标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="52"/>
        <source>Tags B</source>
        <translation>B 的标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="53"/>
        <source>Exact F1</source>
        <translation>精确 F1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="53"/>
        <source>Overlap F1</source>
        <translation>重叠 F1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="53"/>
        <source>Record F1</source>
        <translation>记录 F1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="54"/>
        <source>κ (chars)</source>
        <translation>κ（字符）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="54"/>
        <source>Tagged chars</source>
        <translation>标注字数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agreement_dialog.py" line="65"/>
        <source>overall</source>
        <translation>总计</translation>
    </message>
</context>
<context>
    <name>HelpText</name>
    <message>
        <location filename="../../desktop/ui/help_text.py" line="19"/>
        <source>dashed outline: a suggestion · underline: a tag · ✓ accepted · ✎ corrected · struck through: rejected</source>
        <translation>虚线框：建议 · 下划线：标注 · ✓ 已通过 · ✎ 已更正 · 删除线：已驳回</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_text.py" line="23"/>
        <source>N / P next / previous · Enter accept · X reject · %1 tag or accept as that kind · F1 all keys</source>
        <translation>N / P 下一个 / 上一个 · Enter 采纳 · X 拒绝 · %1 按该类型标注或采纳 · F1 全部快捷键</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_text.py" line="26"/>
        <source>N / P next / previous · Enter accept · X reject · F1 all keys</source>
        <translation>N / P 下一个 / 上一个 · Enter 采纳 · X 拒绝 · F1 全部快捷键</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_text.py" line="34"/>
        <source>%1 — tag the selection as %2</source>
        <translation>%1 — 将选中文字标注为 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_text.py" line="37"/>
        <source>N / P — next / previous tag or suggestion
Enter or A — accept the selected suggestion; Shift+Enter — accept all of its kind
Delete or X — reject the selected suggestion; Delete — delete the selected tag
Shift+← / → — move the selected tag&apos;s end; Alt+← / → — move its start
Double-click — select the number with its unit, or the quoted name
F2 — edit the selected tag&apos;s first field
Ctrl+Z / Ctrl+Y — undo / redo · Ctrl+F — find · Ctrl+Shift+F — search the project
Ctrl+E — export</source>
        <translation>N / P — 下一个 / 上一个标注或建议
Enter 或 A — 采纳选中的建议；Shift+Enter — 采纳该类全部建议
Delete 或 X — 拒绝选中的建议；Delete — 删除选中的标注
Shift+← / → — 移动标注的结尾；Alt+← / → — 移动其开头
双击 — 选中数字及其单位，或引号中的名称
F2 — 编辑选中标注的第一个字段
Ctrl+Z / Ctrl+Y — 撤销 / 重做 · Ctrl+F — 查找 · Ctrl+Shift+F — 搜索整个项目
Ctrl+E — 导出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_text.py" line="51"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_text.py" line="58"/>
        <source>About ReportMark</source>
        <translation>关于 ReportMark</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_text.py" line="59"/>
        <source>Tag metrics, programs and targets in Chinese reports.</source>
        <translation>在中文报告中标注指标、举措和目标。</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="69"/>
        <source>created</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="70"/>
        <source>created (correction)</source>
        <translation>创建（更正）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="71"/>
        <source>edited</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="72"/>
        <source>resized</source>
        <translation>调整范围</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="73"/>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="74"/>
        <source>restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="75"/>
        <source>reverted</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="64"/>
        <source>linked</source>
        <translation>关联</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="65"/>
        <source>unlinked</source>
        <translation>取消关联</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="76"/>
        <source>kind changed</source>
        <translation>更改类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="77"/>
        <source>edited in a workbook</source>
        <translation>在工作簿中编辑</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="78"/>
        <source>program relinked</source>
        <translation>重新关联举措</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="79"/>
        <source>accepted</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="80"/>
        <source>rejected</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="81"/>
        <source>corrected</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="82"/>
        <source>commented</source>
        <translation>评论</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="86"/>
        <source>merged: the other version</source>
        <translation>合并：另一版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="87"/>
        <source>merged: the newer version kept</source>
        <translation>合并：保留较新版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="67"/>
        <source>adjudicated</source>
        <translation>裁定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="88"/>
        <source>undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="89"/>
        <source>review withdrawn</source>
        <translation>审阅已撤回</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="33"/>
        <source>Import cancelled.</source>
        <translation>导入已取消。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="34"/>
        <source>Import finished.</source>
        <translation>导入完成。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="35"/>
        <source>%1 imported, %2 skipped as duplicates, %3 refused.</source>
        <translation>导入 %1 个，跳过重复 %2 个，拒绝 %3 个。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="40"/>
        <source>Imported:</source>
        <translation>已导入：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="43"/>
        <source>Skipped (already in the project):</source>
        <translation>已跳过（项目中已有）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="47"/>
        <source>Refused:</source>
        <translation>已拒绝：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="58"/>
        <source>Import reports</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="57"/>
        <source>Preparing…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="77"/>
        <source>Finishing…</source>
        <translation>正在完成…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="79"/>
        <source>Importing {0} ({1} of {2})</source>
        <translation>正在导入 {0}（第 {1} 个，共 {2} 个）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="96"/>
        <source>The import failed: {0}</source>
        <translation>导入失败：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="102"/>
        <source>Import cancelled. Files imported before Cancel stay in the project; the file in progress was not imported.</source>
        <translation>已取消导入。取消前已导入的文件保留在项目中；正在处理的文件未导入。</translation>
    </message>
</context>
<context>
    <name>ImportFeature</name>
    <message>
        <location filename="../../desktop/ui/features/importing.py" line="34"/>
        <location filename="../../desktop/ui/features/importing.py" line="56"/>
        <source>Import reports</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/importing.py" line="35"/>
        <source>Reports (*.txt *.md *.docx *.pdf *.html *.htm);;All files (*)</source>
        <translation>报告 (*.txt *.md *.docx *.pdf *.html *.htm);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <location filename="../../desktop/ui/inspector.py" line="60"/>
        <source>Select text and press 1, 2 or 3 to tag it;
click a tag to see its fields here.</source>
        <translation>选中文字后按 1、2 或 3 进行标注；
点击标注可在此查看其字段。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/inspector.py" line="88"/>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/inspector.py" line="94"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/inspector.py" line="104"/>
        <source>Links</source>
        <translation>关联</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/inspector.py" line="111"/>
        <source>Link to program…</source>
        <translation>关联举措…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/inspector.py" line="113"/>
        <source>Same record…</source>
        <translation>同一记录…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/inspector.py" line="115"/>
        <source>Remove link</source>
        <translation>移除关联</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/inspector.py" line="122"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/inspector.py" line="127"/>
        <source>Revert to this version</source>
        <translation>还原到此版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/inspector.py" line="160"/>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/inspector.py" line="166"/>
        <source>Suggested by rule %1
Enter accepts these fields · X rejects</source>
        <translation>由规则 %1 建议
按 Enter 采纳这些字段 · 按 X 拒绝</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/inspector.py" line="172"/>
        <source>Enter accepts these fields · X rejects</source>
        <translation>回车接受这些字段 · X 拒绝</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/inspector.py" line="205"/>
        <source>By %1 · %2
Created %3 · updated %4</source>
        <translation>%1 · %2
创建于 %3 · 更新于 %4</translation>
    </message>
</context>
<context>
    <name>KindForm</name>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="137"/>
        <source>one letter or digit</source>
        <translation>一个字母或数字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="141"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="143"/>
        <source>&amp;Key to tag with</source>
        <translation>标注快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="144"/>
        <source>&amp;Colour</source>
        <translation>颜色(&amp;C)</translation>
    </message>
</context>
<context>
    <name>KindTableModel</name>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="57"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="57"/>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="57"/>
        <source>Tags</source>
        <translation>标注数</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="15"/>
        <source>en</source>
        <translation>zh_CN</translation>
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
        <location filename="../../desktop/ui/features/layers.py" line="67"/>
        <source>Report marked done.</source>
        <translation>报告已标记为完成。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/layers.py" line="66"/>
        <source>Mark report done</source>
        <translation>将报告标为完成</translation>
    </message>
</context>
<context>
    <name>LearnedPredictions</name>
    <message>
        <location filename="../../desktop/ui/features/learning.py" line="103"/>
        <source>Learned suggestions failed: %1</source>
        <translation>学习建议失败：%1</translation>
    </message>
</context>
<context>
    <name>LearningFeature</name>
    <message>
        <location filename="../../desktop/ui/features/learning.py" line="195"/>
        <source>Training suggestions (%1)…</source>
        <translation>正在训练建议（%1）…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/learning.py" line="203"/>
        <source>Suggestions trained: %1</source>
        <translation>建议已训练：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/learning.py" line="208"/>
        <source>Training suggestions failed: %1</source>
        <translation>训练建议失败：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/learning.py" line="225"/>
        <location filename="../../desktop/ui/features/learning.py" line="263"/>
        <source>Import annotations</source>
        <translation>导入标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/learning.py" line="226"/>
        <source>Annotations (*.jsonl *.json *.ann *.tsv *.txt);;All files (*)</source>
        <translation>标注文件 (*.jsonl *.json *.ann *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/learning.py" line="241"/>
        <source>%1 is not UTF-8 text</source>
        <translation>%1 不是 UTF-8 文本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/learning.py" line="244"/>
        <source>The annotations were not imported: %1</source>
        <translation>标注未导入：%1</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <location filename="../../desktop/ui/library.py" line="31"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="31"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="31"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="32"/>
        <source>Chars</source>
        <translation>字数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="32"/>
        <source>M·P·T</source>
        <translation>指·举·目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="32"/>
        <source>State</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="48"/>
        <source>untouched</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="48"/>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="49"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="54"/>
        <source>Read by OCR; every page was read with good confidence.</source>
        <translation>经 OCR 识别；各页识别置信度良好。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="56"/>
        <source>Read by OCR; check page(s) %1, read with low confidence.</source>
        <translation>经 OCR 识别；第 %1 页识别置信度较低，请核对。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="69"/>
        <source>OCR</source>
        <translation>OCR 识别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="42"/>
        <source>Tags</source>
        <translation>标注</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../desktop/ui/library.py" line="158"/>
        <source>Filter reports (title, region, agency…)</source>
        <translation>筛选报告（标题、地区、发布单位…）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="162"/>
        <location filename="../../desktop/ui/library.py" line="253"/>
        <source>All analysts</source>
        <translation>全部分析员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library.py" line="178"/>
        <source>Edit metadata…</source>
        <translation>编辑报告信息…</translation>
    </message>
</context>
<context>
    <name>Link</name>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="100"/>
        <source>program</source>
        <translation>举措</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="101"/>
        <source>same record</source>
        <translation>同一记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="102"/>
        <source>corrects</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="103"/>
        <source>adjudicates</source>
        <translation>裁定</translation>
    </message>
</context>
<context>
    <name>MainController</name>
    <message>
        <location filename="../../desktop/ui/controller.py" line="111"/>
        <source>Switch analyst</source>
        <translation>切换分析员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="112"/>
        <source>Your name:</source>
        <translation>您的名字：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="62"/>
        <source>Library</source>
        <translation>报告库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="63"/>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="73"/>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="126"/>
        <source>&amp;New project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="128"/>
        <source>&amp;Open project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="130"/>
        <source>&amp;Import reports…</source>
        <translation>导入报告(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="131"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="132"/>
        <source>Import &amp;edits from a workbook…</source>
        <translation>从工作簿导入修改(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="133"/>
        <source>Import a&amp;nnotations…</source>
        <translation>导入标注(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="135"/>
        <source>&amp;Merge colleague&apos;s project…</source>
        <translation>合并同事的项目(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="136"/>
        <source>&amp;Connect to team database…</source>
        <translation>连接团队数据库(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="137"/>
        <source>Switch &amp;analyst…</source>
        <translation>切换分析员(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="138"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="139"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="141"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="143"/>
        <source>&amp;Find in report…</source>
        <translation>在报告中查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="144"/>
        <source>Search the &amp;project…</source>
        <translation>搜索整个项目(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="145"/>
        <source>&amp;Next tag</source>
        <translation>下一个标注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="146"/>
        <source>&amp;Previous tag</source>
        <translation>上一个标注(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="147"/>
        <source>Show &amp;suggestions</source>
        <translation>显示建议(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="150"/>
        <source>T&amp;rain suggestions</source>
        <translation>训练建议(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="151"/>
        <source>Tag &amp;kinds and fields…</source>
        <translation>标注类型与字段(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="152"/>
        <source>&amp;Program registry…</source>
        <translation>举措名录(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="153"/>
        <source>&amp;Agreement…</source>
        <translation>一致性(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="154"/>
        <source>&amp;About ReportMark</source>
        <translation>关于 ReportMark(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="155"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="158"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="161"/>
        <source>Open &amp;recent</source>
        <translation>最近的项目(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="172"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="178"/>
        <source>&amp;Tag</source>
        <translation>标注(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="184"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="189"/>
        <source>&amp;Review</source>
        <translation>审核(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="191"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="195"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="219"/>
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
    <name>Origin</name>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="29"/>
        <source>by hand</source>
        <translation>手工</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="30"/>
        <source>suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="31"/>
        <source>merged</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="32"/>
        <source>workbook</source>
        <translation>工作簿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="33"/>
        <source>review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="34"/>
        <location filename="../../desktop/ui/i18n.py" line="35"/>
        <location filename="../../desktop/ui/i18n.py" line="36"/>
        <source>adjudicated</source>
        <translation>裁定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="39"/>
        <source>learned suggestion</source>
        <translation>学习所得建议</translation>
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
        <location filename="../../desktop/ui/programs_dialog.py" line="78"/>
        <source>Program registry</source>
        <translation>举措名录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/programs_dialog.py" line="91"/>
        <source>New name or alias</source>
        <translation>新名称或别名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/programs_dialog.py" line="92"/>
        <source>&amp;Rename</source>
        <translation>重命名(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/programs_dialog.py" line="93"/>
        <source>Add &amp;alias</source>
        <translation>添加别名(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/programs_dialog.py" line="95"/>
        <source>&amp;Merge into</source>
        <translation>合并到(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/programs_dialog.py" line="145"/>
        <source>Select a program.</source>
        <translation>请选择一个举措。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/programs_dialog.py" line="149"/>
        <source>Aliases: </source>
        <translation>别名：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/programs_dialog.py" line="149"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/programs_dialog.py" line="174"/>
        <source>Rename a program</source>
        <translation>重命名举措</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/programs_dialog.py" line="181"/>
        <source>Add an alias</source>
        <translation>添加别名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/programs_dialog.py" line="189"/>
        <source>Merge programs</source>
        <translation>合并举措</translation>
    </message>
</context>
<context>
    <name>ProjectsFeature</name>
    <message>
        <location filename="../../desktop/ui/features/projects.py" line="44"/>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/projects.py" line="44"/>
        <source>project.rmk</source>
        <translation>项目.rmk</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/projects.py" line="45"/>
        <location filename="../../desktop/ui/features/projects.py" line="52"/>
        <source>ReportMark projects (%1)</source>
        <translation>ReportMark 项目 (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/projects.py" line="51"/>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/projects.py" line="69"/>
        <source>(no other project yet)</source>
        <translation>（暂无其他项目）</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../desktop/ui/qt_words.py" line="12"/>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../desktop/ui/qt_words.py" line="9"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/qt_words.py" line="10"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <location filename="../../desktop/ui/qt_words.py" line="11"/>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <location filename="../../desktop/ui/reader.py" line="722"/>
        <source>Tag as %1</source>
        <translation>标注为 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader.py" line="731"/>
        <source>Tag all occurrences as</source>
        <translation>将所有出现处标注为</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader.py" line="740"/>
        <source>Delete tag</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader.py" line="744"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>ReviewFeature</name>
    <message>
        <location filename="../../desktop/ui/features/review.py" line="24"/>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/review.py" line="65"/>
        <location filename="../../desktop/ui/features/review.py" line="73"/>
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
        <location filename="../../desktop/ui/review_panel.py" line="109"/>
        <source>any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="111"/>
        <source>colleague (all)</source>
        <translation>同事（全部）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="130"/>
        <source>✓ Accept (A)</source>
        <translation>✓ 通过 (A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="131"/>
        <source>The colleague&apos;s tag is right as it is</source>
        <translation>同事的标注正确，保持原样</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="132"/>
        <source>✗ Reject (R)</source>
        <translation>✗ 驳回 (R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="133"/>
        <source>The tag is wrong; it stays, struck through</source>
        <translation>标注有误；保留并划线显示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="134"/>
        <source>✎ Correct (C)</source>
        <translation>✎ 更正 (C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="136"/>
        <source>Make your own copy of the tag, linked to it, and edit it in the inspector</source>
        <translation>复制一份自己的标注（与原标注关联），并在检查器中编辑</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/review_panel.py" line="168"/>
        <source>%n tag(s) to review</source>
        <translation>
            <numerusform>待审核标注 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="198"/>
        <source>Accept a colleague&apos;s tag</source>
        <translation>接受同事的标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="202"/>
        <source>Reject a colleague&apos;s tag</source>
        <translation>驳回同事的标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="207"/>
        <source>Correct a colleague&apos;s tag</source>
        <translation>更正同事的标注</translation>
    </message>
</context>
<context>
    <name>ReviewQueueModel</name>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="58"/>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="58"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="58"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="59"/>
        <source>Author</source>
        <translation>标注人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="59"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="59"/>
        <source>Last comment</source>
        <translation>最新评论</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="75"/>
        <source>(deleted)</source>
        <translation>（已删除）</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <source>Something went wrong. Nothing was changed.</source>
        <translation type="vanished">出错了，未做任何更改。</translation>
    </message>
    <message>
        <source>The details are in %1</source>
        <translation type="vanished">详情见 %1</translation>
    </message>
</context>
<context>
    <name>SchemaDialog</name>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="246"/>
        <source>Tag kinds and fields</source>
        <translation>标注类型和字段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="252"/>
        <source>&amp;Add kind…</source>
        <translation>添加类型(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="253"/>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="254"/>
        <source>&amp;Colour…</source>
        <translation>颜色(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="255"/>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="256"/>
        <source>Add &amp;field…</source>
        <translation>添加字段(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="257"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="258"/>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="259"/>
        <source>&amp;Up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="260"/>
        <source>Do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="262"/>
        <source>Removing a field hides it: values already entered stay in the tags, and come back if a field with the same key is added.</source>
        <translation>移除字段只是隐藏它：已填写的值仍保留在标注中，重新添加同键字段后会再次显示。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="351"/>
        <source>Fields of %1</source>
        <translation>%1 的字段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="352"/>
        <source>Select a kind to see its fields.</source>
        <translation>选择一个类型以查看其字段。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="383"/>
        <location filename="../../desktop/ui/schema_dialog.py" line="386"/>
        <source>Add a tag kind</source>
        <translation>添加标注类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="394"/>
        <location filename="../../desktop/ui/schema_dialog.py" line="396"/>
        <source>Rename a tag kind</source>
        <translation>重命名标注类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="403"/>
        <source>Colour of %1</source>
        <translation>%1 的颜色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="423"/>
        <location filename="../../desktop/ui/schema_dialog.py" line="428"/>
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
        <location filename="../../desktop/ui/schema_dialog.py" line="449"/>
        <source>Edit the field %1</source>
        <translation>编辑字段 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="462"/>
        <location filename="../../desktop/ui/schema_dialog.py" line="467"/>
        <source>Remove a field</source>
        <translation>移除字段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="463"/>
        <source>Remove the field “%1”? Values already entered stay in the tags but are no longer shown; adding a field with the key “%2” again shows them.</source>
        <translation>移除字段“%1”？已填写的值仍保留在标注中，但不再显示；重新添加键为“%2”的字段后会再次显示。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="406"/>
        <source>Recolour a tag kind</source>
        <translation>更改标注类型的颜色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="441"/>
        <source>Add a field</source>
        <translation>添加字段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="455"/>
        <source>Edit a field</source>
        <translation>编辑字段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/schema_dialog.py" line="472"/>
        <source>Move a field</source>
        <translation>移动字段</translation>
    </message>
</context>
<context>
    <name>SearchFeature</name>
    <message>
        <location filename="../../desktop/ui/features/search.py" line="19"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/search.py" line="35"/>
        <source>Tag all results</source>
        <translation>标注全部结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/search.py" line="38"/>
        <source>%1 tags created</source>
        <translation>已创建 %1 个标注</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="92"/>
        <location filename="../../desktop/ui/search_panel.py" line="131"/>
        <source>Search the project</source>
        <translation>搜索整个项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="94"/>
        <source>Regex</source>
        <translation>正则</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="96"/>
        <source>Tag all results as…</source>
        <translation>将全部结果标注为…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="131"/>
        <source>Search this report</source>
        <translation>搜索本报告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="156"/>
        <source> (first {0} shown)</source>
        <translation>（显示前 {0} 条）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="157"/>
        <source>{0} results in {1} reports</source>
        <translation>{1} 份报告中共 {0} 条结果</translation>
    </message>
</context>
<context>
    <name>ServiceMessage</name>
    <message>
        <location filename="../../desktop/ui/messages.py" line="26"/>
        <source>Someone else changed this tag since you loaded it; it has been reloaded, please check it and try again.</source>
        <translation>加载后他人修改了此标注；已重新加载，请核对后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="28"/>
        <source>This tag was deleted (perhaps by a colleague).</source>
        <translation>此标注已被删除（可能是同事删除的）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="29"/>
        <source>This tag is already back (perhaps a colleague restored it).</source>
        <translation>此标注已恢复（可能是同事恢复的）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="30"/>
        <source>“%1” is not a number</source>
        <translation>“%1”不是数字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="31"/>
        <source>“%1” is not one of %2</source>
        <translation>“%1”不在可选项 %2 之中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="32"/>
        <source>“%1” is not a direction (增长/下降/水平)</source>
        <translation>“%1”不是方向（增长/下降/水平）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="33"/>
        <source>Select some text to tag.</source>
        <translation>请先选中要标注的文字。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="34"/>
        <source>A tag must cover at least one character of the report.</source>
        <translation>标注至少要覆盖报告中的一个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="35"/>
        <source>A tag cannot link to itself.</source>
        <translation>标注不能关联到自身。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="36"/>
        <source>That version of the tag is not in its history.</source>
        <translation>该版本不在此标注的历史中。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="37"/>
        <source>The report no longer exists.</source>
        <translation>该报告已不存在。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="38"/>
        <source>That tag no longer exists.</source>
        <translation>该标注已不存在。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="39"/>
        <source>Write a comment first.</source>
        <translation>请先填写评论。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="40"/>
        <source>Choose two different analysts.</source>
        <translation>请选择两位不同的分析员。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="41"/>
        <source>There is no tag kind “%1”.</source>
        <translation>没有名为“%1”的标注类型。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="43"/>
        <source>A report needs a title.</source>
        <translation>报告需要标题。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="44"/>
        <source>The year must be a number such as 2025 (not “%1”).</source>
        <translation>年份必须是数字，例如 2025（而不是“%1”）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="46"/>
        <source>%1: the file is empty.</source>
        <translation>%1：文件为空。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="47"/>
        <source>%1: no such file.</source>
        <translation>%1：文件不存在。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="48"/>
        <source>%1: the file holds no text.</source>
        <translation>%1：文件中没有文字。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="49"/>
        <source>%1: this file type is not supported (use %2).</source>
        <translation>%1：不支持此文件类型（请使用 %2）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="51"/>
        <source>%1: this does not look like text.</source>
        <translation>%1：这看起来不是文本。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="52"/>
        <source>%1: this is a binary file, not a text report.</source>
        <translation>%1：这是二进制文件，不是文本报告。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="53"/>
        <source>%1: the text encoding is not recognised (tried UTF-8, UTF-16 and GB18030).</source>
        <translation>%1：无法识别文本编码（已尝试 UTF-8、UTF-16 和 GB18030）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="55"/>
        <source>%1: the text is not valid %2.</source>
        <translation>%1：文本不是有效的 %2。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="56"/>
        <source>%1: the file is %2 MB; reports over %3 MB are refused.</source>
        <translation>%1：文件大小为 %2 MB；超过 %3 MB 的报告不予导入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="58"/>
        <source>%1: cannot be read (%2).</source>
        <translation>%1：无法读取（%2）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="59"/>
        <source>%1: the PDF holds no text.</source>
        <translation>%1：PDF 中没有文字。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="60"/>
        <source>%1: this is not a PDF file.</source>
        <translation>%1：这不是 PDF 文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="61"/>
        <source>%1: the PDF is password-protected; save an unprotected copy and import that.</source>
        <translation>%1：PDF 受密码保护；请另存一份未加密的副本再导入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="63"/>
        <source>%1: the PDF is damaged and cannot be read.</source>
        <translation>%1：PDF 已损坏，无法读取。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="64"/>
        <source>%1: the PDF is a scan and OCR found no text in it.</source>
        <translation>%1：PDF 是扫描件，文字识别（OCR）未找到文字。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="66"/>
        <source>%1: the PDF is a scan (pages without a text layer) and needs OCR, which is not installed.</source>
        <translation>%1：PDF 是扫描件（页面没有文字层），需要文字识别（OCR），但尚未安装。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="68"/>
        <source>%1: this is a password-protected or old-format (.doc) Word file; save it as an unprotected .docx and import that.</source>
        <translation>%1：这是受密码保护或旧格式（.doc）的 Word 文件；请另存为未加密的 .docx 再导入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="70"/>
        <source>%1: the Word file holds no text.</source>
        <translation>%1：Word 文件中没有文字。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="71"/>
        <source>%1: the Word file is damaged and cannot be read.</source>
        <translation>%1：Word 文件已损坏，无法读取。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="72"/>
        <source>%1: the Word file is unsafe to open (a zip bomb or a damaged file); refused.</source>
        <translation>%1：打开此 Word 文件不安全（压缩炸弹或文件损坏），已拒绝。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="74"/>
        <source>%1: the page holds no text.</source>
        <translation>%1：网页中没有文字。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="75"/>
        <source>%1: the page cannot be read.</source>
        <translation>%1：无法读取网页。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="77"/>
        <source>%1 is locked by another program; close it there and try again.</source>
        <translation>%1 被其他程序锁定；请在该程序中关闭后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="79"/>
        <source>The project is busy: another window or program holds its write lock. Nothing was changed; try again in a moment.</source>
        <translation>项目正忙：另一个窗口或程序占用着写锁。未做任何更改，请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="81"/>
        <source>The project file is read-only, so nothing was changed. Make it writable (or copy it to a folder you can write to) and try again.</source>
        <translation>项目文件为只读，未做任何更改。请将其设为可写（或复制到可写的文件夹）后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="83"/>
        <source>%1 is read-only. Make it writable (or copy it to a folder you can write to) and open it again.</source>
        <translation>%1 为只读。请将其设为可写（或复制到可写的文件夹）后重新打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="85"/>
        <source>%1 is in a read-only folder (%2). Copy the project to a folder you can write to, or make this folder writable.</source>
        <translation>%1 位于只读文件夹（%2）中。请将项目复制到可写的文件夹，或将此文件夹设为可写。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="87"/>
        <source>The disk is full, so nothing was changed. Free some space and try again.</source>
        <translation>磁盘已满，未做任何更改。请释放空间后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="88"/>
        <source>%1 was made by a newer version of ReportMark (schema %2); please update ReportMark to open it.</source>
        <translation>%1 由更新版本的 ReportMark 创建（架构 %2）；请更新 ReportMark 后再打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="90"/>
        <source>%1 is not a ReportMark project.</source>
        <translation>%1 不是 ReportMark 项目。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="91"/>
        <source>%1 is an empty file, not a ReportMark project: choose a new name, or delete the file.</source>
        <translation>%1 是空文件，不是 ReportMark 项目：请换一个名称，或删除该文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="93"/>
        <source>%1 is damaged and cannot be opened.</source>
        <translation>%1 已损坏，无法打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="94"/>
        <source>%1 is a folder, not a project file.</source>
        <translation>%1 是文件夹，不是项目文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="95"/>
        <source>The team database cannot be reached. Check its address and your network, then try again.</source>
        <translation>无法连接团队数据库。请检查地址和网络后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="97"/>
        <source>That is this project; choose a colleague&apos;s project to merge.</source>
        <translation>这就是当前项目；请选择同事的项目进行合并。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="98"/>
        <source>Someone else changed or made a tag on what this batch added since; it was not undone.</source>
        <translation>此后有人修改或新建了这批导入内容上的标注，未撤销。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="99"/>
        <source>Tags of the kind %1 were made since; delete them or the kind first.</source>
        <translation>此后已有类型 %1 的标注；请先删除这些标注或该类型。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="100"/>
        <source>It cannot be redone: %1 came into the project since.</source>
        <translation>无法重做：此后项目中已有 %1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="101"/>
        <source>A colleague has since changed %1 of the things this merge brought in or changed; to keep their work, the merge was not undone.</source>
        <translation>此后同事已修改本次合并带入或改动的内容中的 %1 项；为保留其工作，合并未撤销。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="102"/>
        <source>A colleague has since changed %1 of the things this merge brought in or changed; to keep their work, the merge was not redone.</source>
        <translation>此后同事已修改本次合并带入或改动的内容中的 %1 项；为保留其工作，合并未重做。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="103"/>
        <source>%1 does not exist or is not a project file.</source>
        <translation>%1 不存在或不是项目文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="105"/>
        <source>%1 is not an Excel workbook (.xlsx); nothing was changed.</source>
        <translation>%1 不是 Excel 工作簿（.xlsx）；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="106"/>
        <source>%1 could not be read as an Excel workbook; nothing was changed.</source>
        <translation>无法将 %1 作为 Excel 工作簿读取；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="107"/>
        <source>%1 was exported by a newer version of ReportMark; update ReportMark to import it.</source>
        <translation>%1 由更新版本的 ReportMark 导出；请更新 ReportMark 后再导入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="109"/>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="111"/>
        <source>Choose the versions to combine.</source>
        <translation>请选择要合并的版本。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="112"/>
        <source>Only versions in the same report can be combined.</source>
        <translation>只能合并同一份报告中的版本。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="113"/>
        <source>A kind&apos;s shortcut is a single letter or digit.</source>
        <translation>类型的快捷键须为单个字母或数字。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="114"/>
        <source>A choice field needs at least one choice.</source>
        <translation>选项字段至少需要一个选项。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="117"/>
        <source>A project needs at least one tag kind; add another first.</source>
        <translation>项目至少需要一种标注类型；请先添加另一种。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="118"/>
        <source>Tags cannot be moved to the kind being deleted.</source>
        <translation>不能把标注移到正在删除的类型。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="119"/>
        <source>This tag kind no longer exists (perhaps a colleague deleted it).</source>
        <translation>该标注类型已不存在（可能已被同事删除）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="120"/>
        <source>This field no longer exists (perhaps a colleague removed it).</source>
        <translation>该字段已不存在（可能已被同事移除）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="121"/>
        <source>A field&apos;s key is lower-case letters, digits and _, starting with a letter.</source>
        <translation>字段键名只能包含小写字母、数字和 _，且须以字母开头。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="122"/>
        <source>Only a choice field has choices.</source>
        <translation>只有选项字段才有选项。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="123"/>
        <source>A program needs a name.</source>
        <translation>举措需要名称。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="124"/>
        <source>That program is no longer in the registry.</source>
        <translation>该举措已不在登记表中。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="125"/>
        <source>An alias cannot be empty.</source>
        <translation>别名不能为空。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="126"/>
        <source>Choose two different programs to merge.</source>
        <translation>请选择两个不同的举措进行合并。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="127"/>
        <source>“%1” is already in the registry.</source>
        <translation>“%1”已在登记表中。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="128"/>
        <source>“%1” names another program; merge the two instead.</source>
        <translation>“%1”是另一个举措的名称；请改为合并这两个举措。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="129"/>
        <source>“%1” already names the program “%2”.</source>
        <translation>“%1”已是举措“%2”的名称。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="130"/>
        <source>%1: this is not an image that can be read.</source>
        <translation>%1：这不是可读取的图片。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="131"/>
        <source>%1: the image is damaged and cannot be read.</source>
        <translation>%1：图片已损坏，无法读取。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="132"/>
        <source>%1: OCR found no text in the image.</source>
        <translation>%1：OCR 未在图片中识别到文字。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="133"/>
        <source>%1: a scanned page needs OCR, which is not installed.</source>
        <translation>%1：扫描页面需要 OCR，但未安装 OCR。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="134"/>
        <source>The disk reported an error, so nothing was changed. Check the drive and try again.</source>
        <translation>磁盘报告了错误，因此没有做任何更改。请检查磁盘后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="135"/>
        <source>The team database did not finish in time, so nothing was changed. Try again later.</source>
        <translation>团队数据库未能及时完成，因此没有做任何更改。请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="136"/>
        <source>%1 is an empty SQLite database, not a ReportMark project: choose a new name.</source>
        <translation>%1 是空的 SQLite 数据库，不是 ReportMark 项目：请另选一个名称。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="138"/>
        <source>There is no analyst “%1” in this project (known: %2).</source>
        <translation>本项目中没有名为“%1”的分析员（现有：%2）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="139"/>
        <source>There is no report with the id “%1”.</source>
        <translation>没有编号为“%1”的报告。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="140"/>
        <source>The id prefix “%1” matches several reports.</source>
        <translation>编号前缀“%1”对应多份报告。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="141"/>
        <source>“%1” is not a report state.</source>
        <translation>“%1”不是有效的报告进度。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="142"/>
        <source>%1 cannot be edited.</source>
        <translation>%1 不可编辑。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="143"/>
        <source>“%1” is not a kind of link (%2).</source>
        <translation>“%1”不是有效的关联类型（可选：%2）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="144"/>
        <source>There are no suggestions of the kind “%1”.</source>
        <translation>没有“%1”类型的建议。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="145"/>
        <source>Unknown suggestion kinds: %1.</source>
        <translation>未知的建议类型：%1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="146"/>
        <source>Suggestions come from one of %1, not “%2”.</source>
        <translation>建议来源只能是 %1 之一，不能是“%2”。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="147"/>
        <source>Type something to search for.</source>
        <translation>请输入要搜索的内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="148"/>
        <source>The regular expression is not valid: %1.</source>
        <translation>正则表达式无效：%1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="149"/>
        <source>%1 cannot be given on import.</source>
        <translation>导入时不能指定 %1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="150"/>
        <source>A title names one report, but %1 files were given; import them one by one to give each its title.</source>
        <translation>一个标题只对应一份报告，但选择了 %1 个文件；请逐个导入，分别指定标题。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="151"/>
        <source>A title names one report, but %1 holds %2 articles; import it without a title and set each report&apos;s title afterwards.</source>
        <translation>一个标题只对应一份报告，但 %1 包含 %2 篇文章；请不指定标题导入，之后再分别设置各报告的标题。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="152"/>
        <source>Text recognition (Tesseract) failed: %1</source>
        <translation>文字识别（Tesseract）失败：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="153"/>
        <source>%1, line %2: %3</source>
        <translation>%1 第 %2 行：%3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="154"/>
        <source>%1: not a doccano, Label Studio, brat or WebAnno TSV file.</source>
        <translation>%1：不是 doccano、Label Studio、brat 或 WebAnno TSV 格式的标注文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="155"/>
        <source>Unknown annotation format “%1” (one of %2).</source>
        <translation>未知的标注文件格式“%1”（可选：%2）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="156"/>
        <source>Unknown export format “%1”: choose one of %2.</source>
        <translation>未知的导出格式“%1”：请从 %2 中选择。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="157"/>
        <source>%1 opens as it is; there is nothing to restore.</source>
        <translation>%1 可以正常打开，无需恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="158"/>
        <source>%1 has no backup that opens.</source>
        <translation>%1 没有可以打开的备份。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="159"/>
        <source>%1 cannot be written: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="160"/>
        <source>There is no project at %1. Import a report to create one, or check the path.</source>
        <translation>%1 处没有项目。请导入报告以新建项目，或检查路径。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="161"/>
        <source>%1 is an unfinished ReportMark project: its creation was interrupted before any work was saved in it. Delete it and open again.</source>
        <translation>%1 是未创建完成的 ReportMark 项目：创建在保存任何工作之前中断。请删除后重新打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="162"/>
        <source>That is not a database URL; a team database URL looks like postgresql://user@host/database.</source>
        <translation>这不是数据库地址；团队数据库地址形如 postgresql://user@host/database。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="163"/>
        <source>ReportMark&apos;s team databases are PostgreSQL; %1:// is not supported. Use a URL like postgresql://user@host/database.</source>
        <translation>ReportMark 的团队数据库使用 PostgreSQL，不支持 %1://。请使用形如 postgresql://user@host/database 的地址。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="164"/>
        <source>The team database is empty. Import a report or open the window to set it up.</source>
        <translation>团队数据库为空。请导入报告，或打开窗口完成初始化。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="165"/>
        <source>The team database holds another program&apos;s tables, not a ReportMark project; use an empty database for ReportMark.</source>
        <translation>团队数据库中是其他程序的数据表，不是 ReportMark 项目；请为 ReportMark 使用空数据库。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="166"/>
        <source>The team database belongs to another program (its schema is not ReportMark&apos;s); use an empty database for ReportMark.</source>
        <translation>团队数据库属于其他程序（其架构不是 ReportMark 的）；请为 ReportMark 使用空数据库。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="167"/>
        <source>A kind needs a name.</source>
        <translation>类型需要名称。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="168"/>
        <source>A field needs a name.</source>
        <translation>字段需要名称。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="169"/>
        <source>A kind&apos;s name can have at most 80 characters.</source>
        <translation>类型名称最多 80 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="170"/>
        <source>A field&apos;s name can have at most 80 characters.</source>
        <translation>字段名称最多 80 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="171"/>
        <source>There is already a kind called “%1”.</source>
        <translation>已有名为“%1”的类型。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="172"/>
        <source>This kind already has a field called “%1”.</source>
        <translation>该类型已有名为“%1”的字段。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="173"/>
        <source>This kind already has a field with the key “%1”.</source>
        <translation>该类型已有键名为“%1”的字段。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="174"/>
        <source>A field&apos;s type is one of %1, not “%2”.</source>
        <translation>字段类型只能是 %1 之一，不能是“%2”。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="175"/>
        <source>“%1” is not a colour; write it as #rrggbb.</source>
        <translation>“%1”不是颜色；请按 #rrggbb 格式填写。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="176"/>
        <source>The key “%1” already tags as %2; choose another.</source>
        <translation>按键“%1”已用于标注“%2”；请另选一个。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="177"/>
        <source>%1 is already a key of the reader (N/P next and previous tag, A/X accept and reject a suggestion); choose another.</source>
        <translation>%1 已是阅读器的按键（N/P 下一个/上一个标注，A/X 接受/拒绝建议）；请另选一个。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="178"/>
        <source>The workbook is too large to read: %1.</source>
        <translation>工作簿过大，无法读取：%1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="179"/>
        <source>%1 was not read: %2; nothing was changed.</source>
        <translation>未读取 %1：%2；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="180"/>
        <source>%1: its %2 sheet is damaged.</source>
        <translation>%1：其 %2 工作表已损坏。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="181"/>
        <source>%1: cell %2 (%3) of the sheet “%4” holds the formula %5 with no saved result, so its value is unknown; open the workbook in a spreadsheet application and save it (or type the value), then import it again. Nothing was changed.</source>
        <translation>%1：工作表“%4”的单元格 %2（%3）含有公式 %5，但没有保存计算结果，因此无法得知其值；请用电子表格软件打开并保存该工作簿（或直接填入数值）后重新导入。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="182"/>
        <source>%1: the sheet “%2” has no “%3” column, so its rows cannot be matched to tags; nothing was changed.</source>
        <translation>%1：工作表“%2”没有“%3”列，无法将各行与标注对应；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="183"/>
        <source>Nothing was imported: %1.</source>
        <translation>未导入任何内容：%1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="184"/>
        <source>Nothing was imported: %1 (and %2 more).</source>
        <translation>未导入任何内容：%1（另有 %2 处问题）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="185"/>
        <source>No OCR engine is installed; install one with: %1</source>
        <translation>未安装文字识别（OCR）引擎；安装命令：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="206"/>
        <source>Something went wrong. Nothing you did caused it; the details are in %1.</source>
        <translation>出错了，这不是您的操作导致的；详细信息记录在 %1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="115"/>
        <source>Tags of the kind “%1” exist now, so it is kept.</source>
        <translation>“%1”类型现在已有标注，因此保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="116"/>
        <source>The backup %1 is no longer there.</source>
        <translation>备份 %1 已不存在。</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <location filename="../../desktop/ui/status_line.py" line="24"/>
        <source>Analyst: %1</source>
        <translation>分析员：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_line.py" line="31"/>
        <source>%1 suggestions</source>
        <translation>%1 条建议</translation>
    </message>
</context>
<context>
    <name>Suggestion</name>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="48"/>
        <source>Learned from this project&apos;s tags · confidence %1%</source>
        <translation>从本项目的标注中学得 · 置信度 %1%</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="51"/>
        <source>Suggestion (%1)</source>
        <translation>建议（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="54"/>
        <source>model confidence %1%</source>
        <translation>模型置信度 %1%</translation>
    </message>
</context>
<context>
    <name>SuggestionsFeature</name>
    <message>
        <location filename="../../desktop/ui/features/suggestions.py" line="102"/>
        <source>%1 · Enter accepts, X rejects</source>
        <translation>%1 · 回车接受，X 拒绝</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/suggestions.py" line="115"/>
        <source>Finding suggestions…</source>
        <translation>正在生成建议…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/suggestions.py" line="135"/>
        <source>Suggestions failed: %1</source>
        <translation>生成建议失败：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/suggestions.py" line="201"/>
        <source>Accept suggestion</source>
        <translation>采纳建议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/suggestions.py" line="220"/>
        <source>Reject suggestion</source>
        <translation>拒绝建议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/suggestions.py" line="236"/>
        <source>Accept all suggestions of a kind</source>
        <translation>采纳该类全部建议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/suggestions.py" line="239"/>
        <source>%1 suggestions accepted</source>
        <translation>已采纳 %1 条建议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/suggestions.py" line="233"/>
        <source>There are no suggestions for %1 yet.</source>
        <translation>还没有“%1”的建议。</translation>
    </message>
</context>
<context>
    <name>TagEditing</name>
    <message>
        <location filename="../../desktop/ui/tag_editing.py" line="49"/>
        <source>Select some text first.</source>
        <translation>请先选中文字。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_editing.py" line="66"/>
        <source>Tag as %1</source>
        <translation>标注为 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_editing.py" line="77"/>
        <source>Tag all occurrences</source>
        <translation>标注所有出现处</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_editing.py" line="90"/>
        <source>%1 tags created</source>
        <translation>已创建 %1 个标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_editing.py" line="94"/>
        <source>Delete tag</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_editing.py" line="100"/>
        <source>Resize tag</source>
        <translation>调整标注范围</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_editing.py" line="110"/>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_editing.py" line="117"/>
        <source>Edit note</source>
        <translation>编辑备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_editing.py" line="123"/>
        <source>Change kind</source>
        <translation>更改类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_editing.py" line="125"/>
        <source>Kind changed to %1 — Ctrl+Z changes it back</source>
        <translation>类型已改为%1 — 按 Ctrl+Z 可改回</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_editing.py" line="132"/>
        <source>Revert tag</source>
        <translation>还原标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_editing.py" line="142"/>
        <source>There is no tag to link to in this report.</source>
        <translation>本报告中没有可关联的标注。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_editing.py" line="145"/>
        <source>Link tag</source>
        <translation>关联标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_editing.py" line="145"/>
        <source>Link to:</source>
        <translation>关联到：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_editing.py" line="153"/>
        <source>Link tags</source>
        <translation>关联标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_editing.py" line="159"/>
        <source>Remove link</source>
        <translation>移除关联</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_editing.py" line="170"/>
        <source>Edit report details</source>
        <translation>编辑报告信息</translation>
    </message>
</context>
<context>
    <name>TagStatus</name>
    <message>
        <location filename="../../desktop/ui/tag_table.py" line="37"/>
        <source>open</source>
        <translation>待审</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_table.py" line="38"/>
        <source>accepted</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_table.py" line="39"/>
        <source>rejected</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_table.py" line="40"/>
        <source>corrected</source>
        <translation>更正</translation>
    </message>
</context>
<context>
    <name>TagTableModel</name>
    <message>
        <location filename="../../desktop/ui/tag_table.py" line="48"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_table.py" line="48"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_table.py" line="48"/>
        <source>Key fields</source>
        <translation>关键字段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_table.py" line="49"/>
        <source>Author</source>
        <translation>标注人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_table.py" line="49"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>TagTablePanel</name>
    <message>
        <location filename="../../desktop/ui/tag_table.py" line="148"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_table.py" line="154"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tag_table.py" line="160"/>
        <source>All authors</source>
        <translation>全部标注人</translation>
    </message>
</context>
<context>
    <name>TeamFeature</name>
    <message>
        <location filename="../../desktop/ui/features/team.py" line="40"/>
        <location filename="../../desktop/ui/features/team.py" line="80"/>
        <source>Merge a colleague&apos;s project</source>
        <translation>合并同事的项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/team.py" line="41"/>
        <source>ReportMark projects (*.rmk *.sqlite *.db);;All files (*)</source>
        <translation>ReportMark 项目 (*.rmk *.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/team.py" line="49"/>
        <source>Merging…</source>
        <translation>正在合并…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/team.py" line="49"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/team.py" line="83"/>
        <source>Merge finished</source>
        <translation>合并完成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/team.py" line="89"/>
        <source>%1 reports added (%2 already here)
%3 tags added, %4 updated to the newer version, %5 kept (the other version is in their history), %6 deleted
%7 reviews, %8 links, %9 analysts added</source>
        <translation>新增报告 %1 份（已有 %2 份）
新增标注 %3 条，更新为较新版本 %4 条，保留 %5 条（另一版本在其历史中），删除 %6 条
审核 %7 条，关联 %8 条，新增分析员 %9 位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/features/team.py" line="116"/>
        <source>Team database unreachable: %1</source>
        <translation>无法连接团队数据库：%1</translation>
    </message>
</context>
<context>
    <name>TrainDialog</name>
    <message>
        <location filename="../../desktop/ui/train_dialog.py" line="18"/>
        <source>%1: trained on %2 examples in %3 sentences (%4 s)</source>
        <translation>%1：已用 %2 个样例、%3 个句子训练（%4 秒）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/train_dialog.py" line="22"/>
        <source>%1: not trained, it needs %2 examples (%3 so far)</source>
        <translation>%1：未训练，需要 %2 个样例（目前 %3 个）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/train_dialog.py" line="35"/>
        <source>Train suggestions</source>
        <translation>训练建议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/train_dialog.py" line="32"/>
        <source>Reading the project&apos;s tags and decisions…</source>
        <translation>正在读取项目的标注和决定…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/train_dialog.py" line="69"/>
        <source>Training cancelled. The models trained before stay in the project.</source>
        <translation>训练已取消。此前训练好的模型仍保留在项目中。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/train_dialog.py" line="47"/>
        <source>Training %1 (%2 of %3)…</source>
        <translation>正在训练%1（第 %2 个，共 %3 个）…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/train_dialog.py" line="54"/>
        <source>No kind has %1 tags yet: there is nothing to train.</source>
        <translation>还没有哪个类型有 %1 个标注：无可训练。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/train_dialog.py" line="58"/>
        <source>Training finished: %1 of %2 kinds trained.</source>
        <translation>训练完成：%2 个类型中已训练 %1 个。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/train_dialog.py" line="65"/>
        <source>Training failed: %1</source>
        <translation>训练失败：%1</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../desktop/app.py" line="193"/>
        <source>Welcome to ReportMark. Your name:</source>
        <translation>欢迎使用 ReportMark。您的名字：</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="210"/>
        <source>%1

Restore the backup %2 now? The file it replaces is kept beside the backups.</source>
        <translation>%1

现在恢复备份 %2 吗？被替换的文件会保留在备份旁边。</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="255"/>
        <source>Preparing your project and the sample reports…</source>
        <translation>正在准备项目和示例报告…</translation>
    </message>
</context>
</TS>

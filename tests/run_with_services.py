"""Run pytest with the services the suite needs: a throwaway PostgreSQL server on
loopback (for the team-mode tests), started here and removed afterwards.

Without PostgreSQL's binaries the team tests skip with a reason; `./dev test` installs
them, so CI always has a server. Exit code: pytest's, except that "no tests collected"
counts as a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path


def _pg_bindir() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    roots = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
    return roots[0] if roots else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_postgres(workdir: Path) -> tuple[str, list[str]] | None:
    bindir = _pg_bindir()
    if bindir is None:
        return None
    data = workdir / "pgdata"
    run_as: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root; run the server as 'postgres' or 'nobody'
        user = "postgres" if _user_exists("postgres") else "nobody"
        run_as = ["runuser", "-u", user, "--"]
        os.chmod(workdir, 0o777)
    subprocess.run([*run_as, str(bindir / "initdb"), "-D", str(data), "-U", "rm", "-A", "trust",
                    "--no-sync", "-E", "UTF8"], check=True, stdout=subprocess.DEVNULL)
    port = _free_port()
    opts = f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={workdir} -c fsync=off"
    subprocess.run([*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-w",
                    "-l", str(workdir / "pg.log"), "start"], check=True, stdout=subprocess.DEVNULL)
    stop = [*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]
    return f"postgresql://rm@127.0.0.1:{port}/postgres", stop


def _user_exists(name: str) -> bool:
    import pwd

    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def main() -> int:
    repo = Path(__file__).resolve().parents[1]
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # As root the server runs as another user, who must be able to reach the folder:
    # $TMPDIR may sit under /root, so use /tmp itself then.
    tmp_root = "/tmp" if os.geteuid() == 0 and Path("/tmp").is_dir() else None
    with tempfile.TemporaryDirectory(prefix="rm-pg-", dir=tmp_root) as tmp:
        server = None
        if "REPORTMARK_TEST_PG" not in env:
            try:
                server = start_postgres(Path(tmp))
            except (subprocess.CalledProcessError, OSError) as exc:
                print(f"run_with_services: PostgreSQL did not start ({exc}); team tests will skip")
            if server:
                env["REPORTMARK_TEST_PG"] = server[0]
        try:
            code = subprocess.call([sys.executable, "-m", "pytest", *sys.argv[1:]], cwd=repo, env=env)
        finally:
            if server:
                subprocess.run(server[1], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return 1 if code == 5 else code


if __name__ == "__main__":
    sys.exit(main())

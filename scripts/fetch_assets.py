"""Install front-end assets that no PyPI package carries (ECharts) from a package registry, at setup.

Tries the npm client first (`npm pack echarts@VERSION`), then pip (the `ezcharts` sdist vendors the
same minified ECharts build). The file goes to fazhi/core/static/vendor/ (ignored by git) and is served
locally: nothing is fetched at run time.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ECHARTS_VERSION = '6.0.0'
EZCHARTS_VERSION = '0.16.2'
TARGET = Path(__file__).resolve().parent.parent / 'fazhi' / 'core' / 'static' / 'vendor' / 'echarts' / 'echarts.min.js'


def _extract(archive: Path, member_suffix: str) -> bytes | None:
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            if member.name.endswith(member_suffix):
                handle = tar.extractfile(member)
                return handle.read() if handle else None
    return None


def from_npm(tmp: Path) -> bytes | None:
    if shutil.which('npm') is None:
        return None
    done = subprocess.run(['npm', 'pack', f'echarts@{ECHARTS_VERSION}', '--silent'], cwd=tmp,
                          capture_output=True, text=True, timeout=300)
    archives = list(tmp.glob('echarts-*.tgz'))
    return _extract(archives[0], 'package/dist/echarts.min.js') if done.returncode == 0 and archives else None


def from_pip(tmp: Path) -> bytes | None:
    done = subprocess.run([sys.executable, '-m', 'pip', 'download', '--no-deps', '--no-binary', ':all:', '-q',
                           '-d', str(tmp), f'ezcharts=={EZCHARTS_VERSION}'], capture_output=True, text=True,
                          timeout=300)
    archives = list(tmp.glob('ezcharts-*.tar.gz'))
    return _extract(archives[0], 'ezcharts/data/vendor/echarts.min.js') if done.returncode == 0 and archives else None


def main() -> int:
    if TARGET.exists() and TARGET.stat().st_size > 100_000:
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        data = from_npm(Path(tmp)) or from_pip(Path(tmp))
    if not data:
        print('无法从软件包仓库获取 ECharts（npm 或 pip）。图表将不可用；请检查网络后重新运行 scripts/setup.sh。',
              file=sys.stderr)
        return 1
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(data)
    print(f'ECharts 已安装到 {TARGET.relative_to(TARGET.parents[5])}（{len(data) // 1024} KB）')
    return 0


if __name__ == '__main__':
    sys.exit(main())

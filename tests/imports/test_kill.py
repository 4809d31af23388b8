"""kill -9 in the middle of `fazhi import`: the analytics store is left as it was, the job reads as interrupted,
and simply running the import again lands the whole file."""
from __future__ import annotations

import os
import signal
import subprocess
import sys

import duckdb

from .kit import feed_rows, write_csv

CHILD = r'''
import sys, time, django
django.setup()
from django.core.management import call_command
mode, path = sys.argv[1], sys.argv[2]
if mode == 'setup':
    call_command('migrate', verbosity=0)
    from fazhi.core import services
    from fazhi.core.context import acting_as
    from fazhi.organization.models import Unit
    with acting_as(None, label='test'):
        top = services.create(Unit(code='T', name='测试区', kind='district'))
        services.create(Unit(code='T-S1', name='东湖街道', kind='street', parent=top))
    call_command('import', 'hotline_request', path)
elif mode == 'kill':
    from fazhi.imports import runner
    real = runner._Reporter.__call__
    def stall(self, done, total):
        real(self, done, total)
        if done > 700:  # landing: the INSERT runs, COMMIT waits for this thread
            print('KILLME', flush=True)
            time.sleep(600)
    runner._Reporter.__call__ = stall
    call_command('import', 'hotline_request', path)
else:
    call_command('import', 'hotline_request', path)
    from fazhi.imports import runner
    from fazhi.imports.models import ImportJob
    runner.mark_interrupted()
    print('STATES', ' '.join(ImportJob.objects.order_by('id').values_list('state', flat=True)), flush=True)
'''


def child(tmp_path, mode, path, **popen):
    env = dict(os.environ, DATABASE_URL=f'sqlite:///{tmp_path / "app.sqlite3"}', FAZHI_DATA_DIR=str(tmp_path),
               FAZHI_ANALYTICS_DB=str(tmp_path / 'store.duckdb'), DJANGO_SETTINGS_MODULE='fazhi.settings',
               PYTHONPATH=os.pathsep.join(sys.path))
    return subprocess.Popen([sys.executable, '-c', CHILD, mode, str(path)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=tmp_path, **popen)


def fingerprint(tmp_path):
    with duckdb.connect(str(tmp_path / 'store.duckdb'), read_only=True) as con:
        return con.execute('SELECT count(*), sum(hash(ticket_no, category)) FROM hotline_request').fetchone()


def test_kill_9_during_landing_leaves_the_store_unchanged_and_a_retry_lands_everything(tmp_path):
    header, rows = feed_rows('hotline_request', 1000, 'T-S1')
    first = child(tmp_path, 'setup', write_csv(tmp_path / 'first.csv', header, rows))
    assert first.wait(timeout=240) == 0, first.stderr.read()
    before = fingerprint(tmp_path)
    _, big = feed_rows('hotline_request', 120_000, 'T-S1')
    big = [[f'N{r[0]}', *r[1:]] for r in big] + rows[:500]
    path = write_csv(tmp_path / 'big.csv', header, big)
    victim = child(tmp_path, 'kill', path)
    for line in victim.stdout:
        if 'KILLME' in line:
            break
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait(timeout=30)
    assert fingerprint(tmp_path) == before
    retry = child(tmp_path, 'retry', path)
    out, err = retry.communicate(timeout=240)
    assert retry.returncode == 0, err
    assert '导入成功：共 120500 行，新增 120000 条，更新 500 条' in out
    assert 'STATES succeeded interrupted succeeded' in out
    assert fingerprint(tmp_path)[0] == 121_000

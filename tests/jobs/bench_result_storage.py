"""Why a done job's table is saved as Parquet and not in SQLite: write, reopen and size, measured.

Run by hand (not part of the suite): ``N=500000 python tests/jobs/bench_result_storage.py``.
Contact-like data: 19 text columns, a third of the cells empty.
"""
import os, sqlite3, time, tempfile
import pyarrow as pa, pyarrow.parquet as pq
N=int(os.environ.get("N","200000"))
cols=[f"c{i}" for i in range(19)]
data={c:[f"valor {c} {i}" if (i+j)%3 else "" for i in range(N)] for j,c in enumerate(cols)}
d=tempfile.mkdtemp()
t=time.perf_counter(); pq.write_table(pa.table({c:pa.array(v,type=pa.string()) for c,v in data.items()}), f"{d}/t.parquet"); w=time.perf_counter()-t
t=time.perf_counter(); tab=pq.read_table(f"{d}/t.parquet"); back={c:tab.column(c).to_pylist() for c in cols}; r=time.perf_counter()-t
print(f"parquet N={N}: write {w:.2f}s read {r:.2f}s size {os.path.getsize(f'{d}/t.parquet')/1e6:.1f} MB")
t=time.perf_counter()
con=sqlite3.connect(f"{d}/t.sqlite3"); con.execute("PRAGMA journal_mode=WAL"); con.execute("PRAGMA synchronous=FULL")
con.execute(f"CREATE TABLE t ({', '.join(c+' TEXT' for c in cols)})")
con.executemany(f"INSERT INTO t VALUES ({','.join('?'*len(cols))})", zip(*data.values())); con.commit(); con.execute("PRAGMA wal_checkpoint(TRUNCATE)"); con.close(); w=time.perf_counter()-t
t=time.perf_counter(); con=sqlite3.connect(f"{d}/t.sqlite3"); rows=con.execute("SELECT * FROM t").fetchall(); back=[list(x) for x in zip(*rows)]; r=time.perf_counter()-t
print(f"sqlite  N={N}: write {w:.2f}s read {r:.2f}s size {os.path.getsize(f'{d}/t.sqlite3')/1e6:.1f} MB")

"""Batch mode: check an archive of articles on a Dask cluster (issue #14).

`python -m checker batch INPUT... -o OUT` reads articles from files, folders, globs
and CMS exports (inputs.py), checks them a partition at a time on Dask workers
(task.py: each worker loads the reference tables once), and writes one Parquet or
CSV file per partition into OUT, atomically (output.py); runner.py drives it.

Only this package imports Dask and pyarrow, and nothing outside it imports this
package except the CLI's `batch` subcommand, so `check` never pays for them.
"""

"""Imported by the process an ingest's workers are forked from (multiprocessing's forkserver), so that
what each worker needs before its first document is loaded there once, not again in every worker:
the worker's code, and simplemma's dictionaries (0.6 s CPU, two thirds of a worker's start). Nothing
here starts a process (the morphology's lt-proc is started by each worker: its pipes are its own).
What is loaded is then frozen out of the garbage collector's reach: a worker's full collections need not
scan it again and again (nor touch its memory pages, shared with the others until written)."""

import gc

import kg.ingest.prepare  # noqa: F401  (the workers' code)
from kg.lang.morphology import Simplemma

Simplemma.read_dictionaries()
gc.freeze()

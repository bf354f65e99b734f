"""Imported once by the fork server, before it forks any worker.

It imports the pipeline and its stages and runs one small document through
them, so that every worker starts with the modules loaded and the patterns
compiled, shared copy-on-write, instead of each paying for them on its own.
``gc.freeze`` keeps the collector from touching (and so copying) those
shared objects in the workers.
"""

from __future__ import annotations

import gc

from .pool import warm_up

warm_up()
gc.freeze()

"""Version numbers: the package, the output schema, and the pipeline.

``PIPELINE_VERSION`` changes whenever a change to the rules, data or code can
change any output; the batch ledger re-does documents processed by an older one.
"""

__version__ = "0.1.0"
SCHEMA_VERSION = "1.3"
PIPELINE_VERSION = "0.1.2"

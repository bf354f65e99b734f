import sys

from . import schema_text

sys.stdout.write(schema_text())

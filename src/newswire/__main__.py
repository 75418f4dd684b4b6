"""
``python -m newswire``: the ``newswire`` command, for when its script is not on PATH.
"""

import sys

from newswire._cli import command

if __name__ == "__main__":
    sys.exit(command())

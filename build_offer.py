#!/usr/bin/env python3
"""The Local Offer command line: python build_offer.py --help lists what it does."""

import sys

from local_offer.cli import main

if __name__ == "__main__":
    sys.exit(main())

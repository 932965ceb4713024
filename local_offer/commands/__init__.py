"""One module per sub-command: add_parser() declares it, run() carries it out."""

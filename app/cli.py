"""The `funnelflow` command line (SPEC §5). Placeholder until the foundation lands."""

import argparse


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="funnelflow")
    parser.parse_args(argv)
    parser.print_help()
    return 0

# SPDX-License-Identifier: Apache-2.0
"""Builds a release archive of the shop."""
import requests


def main():
    print("release")

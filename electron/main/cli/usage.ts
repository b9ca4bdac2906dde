export const usage = `clearance — offline open source audit workstation

Usage:
  clearance scan <path>... [--db FILE] [--project NAME] [--extract] [--lenient] [--full] [--max-file-size BYTES]
      Index each folder and import each SBOM file (CycloneDX, SPDX) into one project, as a new snapshot.
      --project NAME   scan into this project (created if missing); default: the project that already has
                       the first path as a source, else a new one named after it
      --extract        unpack archives found in folders (zip, jar, whl, tar.gz, tgz, gem, nupkg) and index them
      --lenient        import schema-invalid SBOMs, recording each problem as a warning
      --full           re-read every file instead of reusing unchanged ones from the previous scan

  clearance export cyclonedx|spdx|findings --out FILE [--db FILE] [--project NAME] [--format F] [--spec V]
      cyclonedx  CycloneDX (--format json|xml, default from the file extension, else json; --spec 1.5|1.6|1.7, default 1.6)
      spdx       SPDX 2.3 (--format json|tag-value, default from the file extension, else json),
                 or SPDX 3.0.1 JSON-LD (--format jsonld, or a .jsonld file)
      findings   every finding as JSON Lines (docs/findings-format.md)
      Without --project, every project in the workspace. --out - writes to standard output.

  clearance serve [--db FILE] [--port N] [--open]
      Serve the app to a browser on 127.0.0.1 (random port unless --port; --port 0 means random).
      Prints the URL with its per-launch access token.

  clearance decide <purl> --state STATE [--license EXPR] [--rationale TEXT] [--expires YYYY-MM-DD] [--range RANGE]
                   [--project NAME] [--obligations LIST] [--reviewer NAME --email EMAIL] [--passphrase-file FILE]
  clearance decide --finding KEY | --path PATTERN --project NAME  --state STATE …
      Record a signed audit decision (docs/decisions.md). STATE: approved, approved-with-conditions, rejected,
      needs-legal-review, exception (needs --expires), not-applicable. Every state but approved needs --rationale.
      --range RANGE    the decision covers every version in RANGE (e.g. ^4.0.0), not just this one
      --project NAME   only for this project (shown as carried over elsewhere); default: the whole workspace
      The reviewer defaults to CLEARANCE_REVIEWER_NAME/EMAIL, else git's user.name/email. The signing key is
      made on first use and sealed with the passphrase from --passphrase-file or CLEARANCE_PASSPHRASE.

  clearance decisions [--all] [--json] | decisions export --out FILE | decisions import FILE
      List the current decisions (--all: with superseded ones), or share them as signed JSON Lines. An import
      reports conflicting decisions side by side and exits 1 when there are conflicts or rejected lines.

  clearance verify-log [--json]
      Check the decision trail's hash chain and signatures: exit 0 when intact, 1 naming the first record that
      was altered, removed or reordered.

  clearance policy check [--project NAME] [--json] | policy show [--version N] | policy set FILE [--comment TEXT]
      check: evaluate the policy (docs/policy.md) and exit 1 when any component is denied, printing why.
      show: print the policy in force; set: validate a YAML policy and store it as a new version.

  clearance --help | --version

Options common to all commands:
  --db FILE   the workspace file (default: the default workspace in your application data folder)

Exit status: 0 success, 1 failure, 2 bad usage or unreadable input.
`;

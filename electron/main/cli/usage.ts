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
      spdx       SPDX 2.3 (--format json|tag-value, default from the file extension, else json)
      findings   every finding as JSON Lines (docs/findings-format.md)
      Without --project, every project in the workspace.

  clearance serve [--db FILE] [--port N] [--open]
      Serve the app to a browser on 127.0.0.1 (random port unless --port; --port 0 means random).
      Prints the URL with its per-launch access token.

  clearance --help | --version

Options common to all commands:
  --db FILE   the workspace file (default: the default workspace in your application data folder)

Exit status: 0 success, 1 failure, 2 bad usage or unreadable input.
`;

"""The coverage report (issue 34): the share of people within 5 km and within 30 minutes of a place that
receives dossiers, per commune, province and nation, and a planner of added points. Build-time code (numpy,
never shipped to Lambda): `python -m infra.coverage`. Method and assumptions: docs/capabilities/centers-and-units.md."""

"""Exports: a diagram and its checklist turned into SVG, Markdown, CSV, Mermaid, XLSX and the
`funnelflow check` text/JSON/CSV (SPEC §5).

Pure Python: nothing here imports Qt (the PNG and PDF painters are in app.ui.export). This
layer sits above both app.io (it writes through `write_atomic` and escapes with app.io.escape)
and app.analysis (it prints the checklist and colours by status), which know nothing of each
other. The registry of formats by extension is `app.export.registry`; the exporters load on
first use, so importing this package costs nothing.
"""

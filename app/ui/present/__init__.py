"""Presentation mode for workshops: full-screen canvas, large type, phase-by-phase reveal,
a spotlight on the selected node, the top bottleneck's path, and the what-if slider."""

"""Pure geometry, shapes, words and theme shared by the canvas and every exporter."""

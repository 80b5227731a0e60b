"""Style Transfer widgets: text box, side-by-side view, metric bars, path prompt, recipe."""

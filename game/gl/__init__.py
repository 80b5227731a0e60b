"""Off-screen OpenGL for the exhibit: the one context factory and the 3D renderers."""

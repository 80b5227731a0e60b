#version 330
// Flat colour for the grid lines.

uniform vec4 u_colour;

out vec4 f_colour;

void main() {
    f_colour = u_colour;
}

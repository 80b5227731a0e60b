#version 330
// Lambert shading plus ambient over the attention ramp: white (0), light blue (0.5), dark blue (1).

uniform vec3 u_low;
uniform vec3 u_mid;
uniform vec3 u_high;
uniform vec3 u_light;     // direction towards the light, world space
uniform float u_ambient;

in vec3 v_normal;
in float v_weight;
in float v_height;

out vec4 f_colour;

vec3 ramp(float w) {
    w = clamp(w, 0.0, 1.0);
    return w <= 0.5 ? mix(u_low, u_mid, w * 2.0) : mix(u_mid, u_high, w * 2.0 - 1.0);
}

void main() {
    float diffuse = max(dot(normalize(v_normal), normalize(u_light)), 0.0);
    float shade = u_ambient + (1.0 - u_ambient) * diffuse;
    shade *= mix(0.85, 1.0, v_height);  // slightly darker feet read as contact with the floor
    f_colour = vec4(ramp(v_weight) * shade, 1.0);
}

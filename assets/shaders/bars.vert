#version 330
// One instanced unit cube per attention cell: x is the key column, z the query row, y the weight.

uniform mat4 u_mvp;
uniform int u_n;          // matrix side: T
uniform float u_height;   // world height of a weight of 1
uniform float u_gap;      // share of a cell left empty between neighbouring bars
uniform bool u_causal;    // instances cover only the lower triangle (key <= query)

in vec3 in_position;      // cube corner, every coordinate in [0, 1]
in vec3 in_normal;
in float in_weight;       // per instance: the attention weight of this cell

out vec3 v_normal;
out float v_weight;
out float v_height;       // 0 at the floor, 1 at the bar's top, for a faint vertical shade

void main() {
    int query = gl_InstanceID / u_n;
    int key = gl_InstanceID - query * u_n;
    if (u_causal) {  // instance i is the i-th cell of the lower triangle, row by row
        query = int((sqrt(8.0 * float(gl_InstanceID) + 1.0) - 1.0) * 0.5);
        if ((query + 1) * (query + 2) / 2 <= gl_InstanceID) query += 1;
        if (query * (query + 1) / 2 > gl_InstanceID) query -= 1;
        key = gl_InstanceID - query * (query + 1) / 2;
    }
    float height = max(in_weight, 0.0) * u_height + 0.02;
    float inset = u_gap * 0.5;
    vec3 world = vec3(
        float(key) + inset + in_position.x * (1.0 - u_gap),
        in_position.y * height,
        float(query) + inset + in_position.z * (1.0 - u_gap)
    );
    gl_Position = u_mvp * vec4(world, 1.0);
    v_normal = in_normal;
    v_weight = in_weight;
    v_height = in_position.y;
}

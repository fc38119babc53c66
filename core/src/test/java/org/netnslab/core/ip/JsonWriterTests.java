package org.netnslab.core.ip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonWriterTests {

    private static String write(boolean pretty) {
        JsonWriter w = new JsonWriter(pretty);
        w.startArray(null);
        w.startObject().field("ifindex", 1).field("ifname", "lo");
        w.startArray("flags").value("LOOPBACK").value("UP").endArray();
        w.startArray("addr_info").startObject().field("local", "127.0.0.1").field("secondary", true).endObject();
        w.endArray();
        w.startArray("none").endArray();
        w.endObject();
        w.startObject().field("ifname", "a\"b").endObject();
        return w.endArray().done();
    }

    @Test
    void compactAsIpDashJ() {
        assertThat(write(false)).isEqualTo("[{\"ifindex\":1,\"ifname\":\"lo\",\"flags\":[\"LOOPBACK\",\"UP\"],"
                + "\"addr_info\":[{\"local\":\"127.0.0.1\",\"secondary\":true}],\"none\":[]},{\"ifname\":\"a\\\"b\"}]\n");
    }

    @Test
    void prettyAsIpDashJDashP() {
        assertThat(write(true)).isEqualTo("""
                [ {
                        "ifindex": 1,
                        "ifname": "lo",
                        "flags": [ "LOOPBACK","UP" ],
                        "addr_info": [ {
                                "local": "127.0.0.1",
                                "secondary": true
                            } ],
                        "none": [ ]
                    },{
                        "ifname": "a\\"b"
                    } ]
                """);
    }

    @Test
    void anEmptyListIsTwoBrackets() {
        assertThat(new JsonWriter(false).startArray(null).endArray().done()).isEqualTo("[]\n");
        assertThat(new JsonWriter(true).startArray(null).endArray().done()).isEqualTo("[ ]\n");
    }
}

// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ap4j.model.ApMask;
import java.io.PrintWriter;

/**
 * The one place Jackson is configured. Commands build {@link ObjectNode}s explicitly, so the
 * keys and their order are the documented ones and not whatever a bean introspector finds.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** The ids of a mask as an int array, ascending. */
    public static ArrayNode ids(ApMask mask) {
        ArrayNode a = array();
        mask.forEachId(a::add);
        return a;
    }

    /** Writes {@code node} pretty-printed, followed by a newline. */
    public static void write(PrintWriter out, Object node) {
        try {
            out.println(MAPPER.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
        out.flush();
    }
}

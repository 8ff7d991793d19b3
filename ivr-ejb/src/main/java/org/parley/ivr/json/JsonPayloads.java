package org.parley.ivr.json;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Checks a JSON request body with the streaming parser (JSON-P) before JSON-B binds it: size, depth
 * and complete syntax. The check is needed because JSON-B (Yasson 3.0.4 with Parsson 1.1.7, as
 * WildFly 39 ships them) loops for ever when a property the target record does not have holds an
 * unterminated array or object ({@code {"x":[}}): one such request would hold a worker thread at
 * full CPU. Found by {@code CrmInboundFuzzTest}. The streaming parser reports the same input as
 * an error with its position.
 */
public final class JsonPayloads {

    /** Nesting deeper than any Parley payload (the deepest is two). */
    public static final int MAX_DEPTH = 32;

    /** Made once: {@code Json.createParser} looks the JSON-P provider up (a ServiceLoader scan) on every call. */
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    private JsonPayloads() {
    }

    /** A body that is not acceptable JSON: what is wrong and where. */
    public static final class BadJson extends IllegalArgumentException {
        public BadJson(String message) {
            super(message);
        }
    }

    /**
     * An empty body passes (the resource says what is missing).
     *
     * @throws BadJson when {@code body} (UTF-8) is larger than {@code maxBytes}, nested deeper than
     *                 {@link #MAX_DEPTH}, or not one complete JSON value
     */
    public static void check(byte[] body, int maxBytes) {
        if (body.length > maxBytes) {
            throw new BadJson("the body is larger than " + maxBytes + " bytes");
        }
        if (body.length == 0) {
            return;
        }
        try (JsonParser parser = PARSERS.createParser(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8))) {
            int depth = 0;
            boolean any = false;
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                any = true;
                if (event == JsonParser.Event.START_ARRAY || event == JsonParser.Event.START_OBJECT) {
                    if (++depth > MAX_DEPTH) {
                        throw new BadJson(where(parser.getLocation()) + "nested deeper than " + MAX_DEPTH + " levels");
                    }
                } else if (event == JsonParser.Event.END_ARRAY || event == JsonParser.Event.END_OBJECT) {
                    depth--;
                }
            }
            if (!any) {
                throw new BadJson("the body holds no JSON value");
            }
        } catch (JsonParsingException e) {
            throw new BadJson("not JSON: " + e.getMessage());
        } catch (JsonException e) {
            throw new BadJson("not JSON: " + e.getMessage());
        }
    }

    private static String where(JsonLocation at) {
        return at == null ? "" : "line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ": ";
    }
}

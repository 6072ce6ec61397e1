package dev.bouncer.host.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.bouncer.host.support.ApiClient;
import dev.bouncer.host.support.HostAppIT;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bytes and characters that are not what they look like are refused, and change nothing. */
class InputHardeningIT extends HostAppIT {

    @Test
    void aBodyDeclaredInAnotherCharsetIsRefusedNotMisread() throws IOException {
        String key = createKey("test", "contact:write", "contact:read");
        byte[] latin1 = "{\"phone\":\"+4915100000301\",\"name\":\"Grün\"}".getBytes(StandardCharsets.ISO_8859_1);

        Raw answer = raw("POST", "/api/v1/contacts", key, "application/json; charset=ISO-8859-1", latin1, null);

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.json().path("code").asText()).isEqualTo("unsupported_media_type");
        assertThat(contactsNamed(key, "4915100000301")).isZero();
    }

    @Test
    void bytesThatAreNotUtf8AreMalformed() throws IOException {
        String key = createKey("test", "contact:write", "contact:read");
        byte[] overlongSlash = {(byte) 0xC0, (byte) 0xAF};
        byte[] encodedSurrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0xBD};

        for (byte[] bad : new byte[][] {overlongSlash, encodedSurrogate}) {
            byte[] body = concat("{\"phone\":\"+4915100000302\",\"name\":\"a".getBytes(StandardCharsets.UTF_8),
                    bad, "\"}".getBytes(StandardCharsets.UTF_8));

            Raw answer = raw("POST", "/api/v1/contacts", key, "application/json", body, null);

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().path("code").asText()).isEqualTo("malformed_json");
        }
        assertThat(contactsNamed(key, "4915100000302")).isZero();
    }

    @Test
    void halfAnEmojiOrInvisibleTextIsNamedAsABadField() {
        String key = createKey("test", "contact:write");

        ApiClient.Response refused = api().postJson("/api/v1/contacts", ApiClient.bearer(key),
                "{\"phone\":\"+4915100000303\",\"name\":\"\\ud83d\",\"tags\":[\"\\u200b\"],"
                        + "\"attributes\":{\"note\":\"x\\udc00\"}}");
        ApiClient.Response invisibleKeyName = api().postJson("/api/v1/developer/keys", owner(),
                "{\"name\":\"\\u200b\\u00a0\",\"environment\":\"test\",\"permissions\":[\"contact:read\"]}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().path("errors").findValuesAsText("field"))
                .contains("name", "tags", "attributes.note");
        assertThat(invisibleKeyName.status()).isEqualTo(422);
        assertThat(invisibleKeyName.json().path("errors").findValuesAsText("field")).containsExactly("name");
    }

    @Test
    void numbersInAttributesAreKeptExactly() throws IOException {
        String key = createKey("test", "contact:write");

        ApiClient.Response stored = api().postJson("/api/v1/contacts", ApiClient.bearer(key),
                "{\"phone\":\"+4915100000304\",\"attributes\":{\"big\":1e400,"
                        + "\"precise\":12345678901234567890.123456789}}");

        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        JsonNode attributes = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build().readTree(stored.body()).path("attributes");
        assertThat(attributes.path("big").isNumber()).isTrue();
        assertThat(attributes.path("big").decimalValue()).isEqualByComparingTo("1e400");
        assertThat(attributes.path("precise").decimalValue())
                .isEqualByComparingTo("12345678901234567890.123456789");
    }

    @Test
    void aHeaderWithNonAsciiBytesIsABadRequestNotAServerError() throws IOException {
        String key = createKey("test", "message:send");
        byte[] body = ("{\"instanceId\":\"" + sandboxInstanceId(createKey("test", "instance:read"))
                + "\",\"to\":\"+4915100000305\",\"message\":\"hi\"}").getBytes(StandardCharsets.UTF_8);

        Raw answer = raw("POST", "/api/v1/messages/send", key, "application/json", body,
                new byte[] {'a', (byte) 0x85, 'b'});

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("code").asText()).isEqualTo("bad_request");
    }

    private long contactsNamed(String key, String digits) {
        return api().get("/api/v1/contacts?q=" + digits, ApiClient.bearer(key)).json().path("data").size();
    }

    /** An HTTP/1.1 exchange written byte by byte, for what an HTTP client library refuses to send. */
    private Raw raw(String method, String path, String key, String contentType, byte[] body,
            byte[] idempotencyKey) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Authorization: Bearer " + key + "\r\nContent-Type: " + contentType + "\r\n"
                    + "Content-Length: " + body.length + "\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (idempotencyKey != null) {
                out.write("Idempotency-Key: ".getBytes(StandardCharsets.ISO_8859_1));
                out.write(idempotencyKey);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return Raw.read(socket.getInputStream());
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private record Raw(int status, String body) {

        static Raw read(InputStream in) throws IOException {
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int start = response.indexOf("\r\n\r\n") + 4;
            String rest = response.substring(start);
            return new Raw(status, rest.substring(rest.indexOf('{'), rest.lastIndexOf('}') + 1));
        }

        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(body);
        }
    }
}

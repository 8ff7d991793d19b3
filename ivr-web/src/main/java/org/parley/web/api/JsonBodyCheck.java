package org.parley.web.api;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.parley.ivr.json.JsonPayloads;

/**
 * Every JSON request body is read whole (up to {@code parley.api.max-body-bytes}, default 4 MiB)
 * and checked by {@link JsonPayloads} before JSON-B binds it: a body too large, too deep or not
 * complete JSON is answered 400 with what is wrong and where, and never reaches the binder (which
 * loops on some malformed bodies; see {@link JsonPayloads}).
 */
@Provider
public class JsonBodyCheck implements ReaderInterceptor {

    private final int maxBytes = ConfigProvider.getConfig().getOptionalValue("parley.api.max-body-bytes", Integer.class)
            .orElse(4 * 1024 * 1024);

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            InputStream in = context.getInputStream();
            byte[] body = in.readNBytes(maxBytes + 1);
            try {
                JsonPayloads.check(body, maxBytes);
            } catch (JsonPayloads.BadJson e) {
                throw new BadRequestException("the request body is not acceptable: " + e.getMessage());
            }
            context.setInputStream(new ByteArrayInputStream(body));
        }
        return context.proceed();
    }
}

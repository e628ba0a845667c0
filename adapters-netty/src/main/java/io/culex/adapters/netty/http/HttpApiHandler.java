package io.culex.adapters.netty.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Carries each aggregated HTTP request to the {@link HttpApi} on the admin executor (never on the event loop,
 * whose sessions the API may wait for) and writes its response back, keeping the connection open when the
 * client asked for that.
 */
public final class HttpApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private final HttpApi api;
    private final Executor executor;

    public HttpApiHandler(HttpApi api, Executor executor) {
        this.api = api;
        this.executor = executor;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        boolean head = request.method().equals(HttpMethod.HEAD);
        if (!request.decoderResult().isSuccess()) {
            write(ctx, ApiResponse.error(400, "malformed HTTP request"), false, false);
            return;
        }
        ApiRequest apiRequest = toApiRequest(ctx, request);
        try {
            executor.execute(() -> write(ctx, api.handle(apiRequest), keepAlive, head));
        } catch (RejectedExecutionException e) { // stopping
            write(ctx, ApiResponse.error(503, "the broker is stopping"), false, false);
        }
    }

    private static ApiRequest toApiRequest(ChannelHandlerContext ctx, FullHttpRequest request) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        List<String> segments = new ArrayList<>();
        for (String raw : uri.rawPath().split("/")) {
            if (!raw.isEmpty()) {
                segments.add(QueryStringDecoder.decodeComponent(raw));
            }
        }
        String method = request.method().name().equals("HEAD") ? "GET" : request.method().name();
        return new ApiRequest(method, segments, uri.parameters(),
                request.headers().get(HttpHeaderNames.AUTHORIZATION),
                request.headers().contains(HttpHeaderNames.X_REQUESTED_WITH),
                ByteBufUtil.getBytes(request.content()), String.valueOf(ctx.channel().remoteAddress()));
    }

    private static void write(ChannelHandlerContext ctx, ApiResponse response, boolean keepAlive, boolean head) {
        FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()),
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(response.body()));
        http.headers().set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
        http.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            http.headers().set(header.getKey(), header.getValue());
        }
        if (keepAlive) {
            http.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        ChannelFuture written = ctx.writeAndFlush(http);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}

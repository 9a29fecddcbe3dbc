package dev.devstack.agent.proxy;

import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;

/** A request the proxy answers with a page of its own: the body, if any, is read and dropped first. */
final class PageExchange implements Exchange {

    private final ProxyHandler owner;
    private final LocalAnswer page;

    PageExchange(ProxyHandler owner, LocalAnswer page) {
        this.owner = owner;
        this.page = page;
    }

    @Override
    public void content(HttpContent content) {
        boolean last = content instanceof LastHttpContent;
        content.release();
        if (last) {
            owner.answer(page);
        }
    }
}

package org.kehou.bot.wechat;

import java.util.concurrent.TimeUnit;
import me.chanjar.weixin.common.util.http.apache.ApacheHttpClientBuilder;
import org.apache.http.client.HttpRequestRetryHandler;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.conn.ConnectionKeepAliveStrategy;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * WxJava's HTTP client with a connection pool as large as the outbox sends at once. WxJava's own builder is one per JVM
 * and keeps 10 connections per host, which would cap the outbox at 10 calls in flight. Timeouts are WxJava's (5 s to
 * connect and to read). The bot sets no HTTP proxy, so the proxy settings WxJava passes on are not used.
 */
final class WechatHttpClient implements ApacheHttpClientBuilder {

  private final int connections;

  WechatHttpClient(int connections) {
    this.connections = connections;
  }

  @Override
  public CloseableHttpClient build() {
    PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
    pool.setMaxTotal(connections);
    pool.setDefaultMaxPerRoute(connections);
    RequestConfig timeouts = RequestConfig.custom()
        .setConnectTimeout(5000).setSocketTimeout(5000).setConnectionRequestTimeout(5000).build();
    return HttpClients.custom()
        .setConnectionManager(pool)
        .setDefaultRequestConfig(timeouts)
        .evictExpiredConnections()
        .evictIdleConnections(60, TimeUnit.SECONDS)
        // WeChat's API sets no cookies, never redirects and needs no HTTP authentication; each of these is a step of
        // every call otherwise, which adds up when the outbox sends hundreds a second.
        .disableCookieManagement()
        .disableRedirectHandling()
        .disableAuthCaching()
        .disableConnectionState()
        .build();
  }

  @Override
  public ApacheHttpClientBuilder httpProxyHost(String host) {
    return this;
  }

  @Override
  public ApacheHttpClientBuilder httpProxyPort(int port) {
    return this;
  }

  @Override
  public ApacheHttpClientBuilder httpProxyUsername(String username) {
    return this;
  }

  @Override
  public ApacheHttpClientBuilder httpProxyPassword(String password) {
    return this;
  }

  @Override
  public ApacheHttpClientBuilder httpRequestRetryHandler(HttpRequestRetryHandler handler) {
    return this;
  }

  @Override
  public ApacheHttpClientBuilder keepAliveStrategy(ConnectionKeepAliveStrategy strategy) {
    return this;
  }

  @Override
  public ApacheHttpClientBuilder sslConnectionSocketFactory(SSLConnectionSocketFactory factory) {
    return this;
  }

  @Override
  public ApacheHttpClientBuilder supportedProtocols(String[] protocols) {
    return this;
  }
}

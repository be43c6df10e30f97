package org.kehou.core.cache;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.io.Resources;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.springframework.stereotype.Component;

/**
 * Every insert, update and delete MyBatis runs passes here: the regions its mapper method declares with
 * {@link Invalidates} move on after the commit. One place, so no service can forget to.
 */
@Component
@Intercepts(@Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class}))
class InvalidatingWrites implements Interceptor {

  private final CacheEpochs epochs;
  private final Map<String, Set<Region>> declared = new ConcurrentHashMap<>();

  InvalidatingWrites(CacheEpochs epochs) {
    this.epochs = epochs;
  }

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    Object result = invocation.proceed();
    if (result instanceof Integer rows && rows == 0) {
      // Nothing changed (a periodic sweep that found nothing, say): every cached read is still true.
      return result;
    }
    MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
    Set<Region> regions = declared.computeIfAbsent(statement.getId(), InvalidatingWrites::regionsOf);
    if (!regions.isEmpty()) {
      epochs.advanceAfterCommit(regions);
    }
    return result;
  }

  /** The regions on the mapper method behind a statement id ({@code namespace.method}); none for other statements. */
  static Set<Region> regionsOf(String statementId) {
    int dot = statementId.lastIndexOf('.');
    if (dot < 0) {
      return Set.of();
    }
    Class<?> mapper;
    try {
      mapper = Resources.classForName(statementId.substring(0, dot));
    } catch (ClassNotFoundException e) {
      return Set.of();
    }
    String name = statementId.substring(dot + 1);
    return Arrays.stream(mapper.getMethods())
        .filter(m -> m.getName().equals(name) && m.isAnnotationPresent(Invalidates.class))
        .findFirst()
        .map(InvalidatingWrites::regions)
        .orElse(Set.of());
  }

  private static Set<Region> regions(Method method) {
    Set<Region> regions = EnumSet.noneOf(Region.class);
    regions.addAll(Arrays.asList(method.getAnnotation(Invalidates.class).value()));
    return Set.copyOf(regions);
  }
}

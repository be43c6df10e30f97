package org.kehou.core.testing;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Update;
import org.kehou.core.cache.Invalidates;
import org.kehou.core.cache.Region;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Finds mapper writes to a table some cached read is computed from that do not declare it with {@link Invalidates}:
 * such a write would leave every instance answering from what it cached before.
 */
public final class CachedTableWrites {

  private static final Pattern WRITTEN_TABLE =
      Pattern.compile("(?i)\\b(?:insert\\s+(?:ignore\\s+)?into|update|delete\\s+from)\\s+`?(\\w+)");

  private CachedTableWrites() {
  }

  /** "Mapper.method writes table: REGION" for every undeclared write of the mappers on the class path under a package. */
  public static List<String> undeclared(String basePackage) {
    List<String> undeclared = new ArrayList<>();
    for (Class<?> mapper : mappers(basePackage)) {
      for (Method method : mapper.getMethods()) {
        Set<Region> declared = method.isAnnotationPresent(Invalidates.class)
            ? Set.of(method.getAnnotation(Invalidates.class).value()) : Set.of();
        for (String table : writtenTables(method)) {
          for (Region region : Region.values()) {
            if (region.tables().contains(table) && !declared.contains(region)) {
              undeclared.add(mapper.getSimpleName() + "." + method.getName() + " writes " + table + ": " + region);
            }
          }
        }
      }
    }
    return undeclared;
  }

  /** The mapper interfaces found, so a caller can check the scan saw what it should. */
  public static List<Class<?>> mappers(String basePackage) {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
      @Override
      protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
        return definition.getMetadata().isInterface();
      }
    };
    scanner.addIncludeFilter(new AnnotationTypeFilter(Mapper.class));
    List<Class<?>> mappers = new ArrayList<>();
    for (BeanDefinition definition : scanner.findCandidateComponents(basePackage)) {
      mappers.add(ClassUtils.resolveClassName(definition.getBeanClassName(), CachedTableWrites.class.getClassLoader()));
    }
    return mappers;
  }

  private static Set<String> writtenTables(Method method) {
    String[] sql = method.isAnnotationPresent(Insert.class) ? method.getAnnotation(Insert.class).value()
        : method.isAnnotationPresent(Update.class) ? method.getAnnotation(Update.class).value()
        : method.isAnnotationPresent(Delete.class) ? method.getAnnotation(Delete.class).value()
        : new String[0];
    Matcher matcher = WRITTEN_TABLE.matcher(String.join(" ", sql));
    return matcher.results().map(m -> m.group(1).toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }
}

package org.kehou.admin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.kehou", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundaryTests {

  @ArchTest
  static final ArchRule adminApiNeverReachesIntoTheBot =
      noClasses().that().resideInAPackage("org.kehou.admin..")
          .should().dependOnClassesThat().resideInAPackage("org.kehou.bot..");

  /** The admin API holds no WeChat credentials: it asks the bot through the outbox. */
  @ArchTest
  static final ArchRule adminApiNeverCallsWeChat =
      noClasses().that().resideInAPackage("org.kehou.admin..")
          .should().dependOnClassesThat().resideInAPackage("me.chanjar.weixin..");

  /** The core serves both applications and so knows neither. */
  @ArchTest
  static final ArchRule coreNeverReachesIntoTheAdminApi =
      noClasses().that().resideInAPackage("org.kehou.core..")
          .should().dependOnClassesThat().resideInAPackage("org.kehou.admin..");
}

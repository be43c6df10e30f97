package org.kehou.bot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.kehou", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundaryTests {

  @ArchTest
  static final ArchRule botNeverReachesIntoTheAdminApi =
      noClasses().that().resideInAPackage("org.kehou.bot..")
          .should().dependOnClassesThat().resideInAPackage("org.kehou.admin..");

  @ArchTest
  static final ArchRule coreKnowsNeitherApplication =
      noClasses().that().resideInAPackage("org.kehou.core..")
          .should().dependOnClassesThat().resideInAnyPackage("org.kehou.bot..", "org.kehou.admin..");

  @ArchTest
  static final ArchRule onlyTheBotTalksToWeChat =
      noClasses().that().resideInAPackage("org.kehou.core..")
          .should().dependOnClassesThat().resideInAPackage("me.chanjar.weixin..");
}

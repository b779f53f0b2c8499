package dev.bolide.tck.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module table of DESIGN.md, enforced on the compiled main classes of every module: no arrow
 * up the table, no use of a module that its {@code pom.xml} does not declare, and no use of another
 * module's internals (the adapter uses the client's API and its SPI, {@code dev.bolide.client.spi}).
 * Nothing is frozen: any violation fails at once.
 */
class ArchitectureTest {
    private static final Pattern DEPENDENCY = Pattern.compile(
            "<dependency>\\s*(?:<!--.*?-->\\s*)?<groupId>dev\\.bolide</groupId>\\s*<artifactId>bolide-([a-z]+)</artifactId>"
                    + "(.*?)</dependency>", Pattern.DOTALL);
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        List<Path> outputs = ModuleTable.MODULES.stream().map(module -> module(module).resolve("target/classes"))
                .toList();
        outputs.forEach(output -> assertThat(output).as("built before this test").isDirectory());
        classes = new ClassFileImporter().importPaths(outputs);
    }

    @Test
    void noModuleUsesAModuleBelowItInTheTable() {
        List<String> upward = new ArrayList<>();
        for (JavaClass origin : classes) {
            ModuleTable from = ModuleTable.of(origin.getPackageName()).orElseThrow();
            usedModules(origin).stream().filter(to -> !to.equals(from) && !to.isAbove(from))
                    .forEach(to -> upward.add(origin.getName() + " (" + from.name() + ") uses " + to.name()));
        }
        assertThat(upward).isEmpty();
    }

    @Test
    void everyModuleAClassUsesIsDeclaredInItsModulesPom() throws Exception {
        List<String> undeclared = new ArrayList<>();
        for (ModuleTable module : ModuleTable.MODULES) {
            Set<String> declared = declaredDependencies(module);
            classes.stream().filter(c -> ModuleTable.of(c.getPackageName()).orElseThrow().equals(module))
                    .forEach(origin -> usedModules(origin).stream()
                            .filter(to -> !to.equals(module) && !declared.contains(to.name()))
                            .forEach(to -> undeclared.add(origin.getName() + " uses " + to.name()
                                    + ", which " + module.name() + "/pom.xml does not declare")));
        }
        assertThat(undeclared).isEmpty();
    }

    @Test
    void otherModulesUseOnlyAModulesApiPackages() {
        CompositeArchRule rules = CompositeArchRule.of(onlyApiFromOutside(ModuleTable.MODULES.get(0)));
        for (ModuleTable module : ModuleTable.MODULES.subList(1, ModuleTable.MODULES.size())) {
            rules = rules.and(onlyApiFromOutside(module));
        }
        rules.check(classes);
    }

    private static ArchRule onlyApiFromOutside(ModuleTable module) {
        DescribedPredicate<JavaClass> internal = DescribedPredicate.describe("are internals of " + module.name(),
                target -> ModuleTable.of(target.getPackageName()).filter(module::equals).isPresent()
                        && !module.apiPackages().contains(target.getPackageName()));
        return noClasses().that().resideOutsideOfPackage(module.rootPackage() + "..").should()
                .dependOnClassesThat(internal)
                .because(module.name() + "'s API is " + new TreeSet<>(module.apiPackages()));
    }

    private static Set<ModuleTable> usedModules(JavaClass origin) {
        Set<ModuleTable> used = new HashSet<>();
        origin.getDirectDependenciesFromSelf().forEach(dependency -> ModuleTable.of(
                dependency.getTargetClass().getPackageName()).ifPresent(used::add));
        return used;
    }

    /** The Bolide modules {@code module}'s pom depends on, leaving out test-scoped ones. */
    private static Set<String> declaredDependencies(ModuleTable module) throws Exception {
        String pom = Files.readString(module(module).resolve("pom.xml"));
        Set<String> declared = new TreeSet<>();
        Matcher dependency = DEPENDENCY.matcher(pom);
        while (dependency.find()) {
            if (!dependency.group(2).contains("<scope>test</scope>")) {
                declared.add(dependency.group(1));
            }
        }
        return declared;
    }

    private static Path module(ModuleTable module) {
        return Path.of("..", module.name());
    }
}

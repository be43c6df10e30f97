package org.kehou.e2e;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.minidev.json.JSONValue;

/**
 * The demo school seeded through the real admin API exactly as ./demo does it, from the files in ../demo-school: a term
 * around today, the roster, a class teacher for 一年级1班 and the offerings. Usernames carry a per-run suffix, so a reused
 * database (or the rows of the other modules' tests) never collides with this run.
 */
record DemoSchool(String teacher, String teacherPassword, String className) {

  static final Path FILES = Path.of("..", "demo-school");

  static DemoSchool seed(AdminApi api, String suffix) throws IOException {
    LocalDate today = LocalDate.now();
    LocalDate termStart = today.minusDays(120);
    LocalDate termEnd = today.plusDays(240);
    LocalDate summerStart = LocalDate.of(termStart.getYear(), 5, 1);
    if (!summerStart.isAfter(termStart)) {
      summerStart = summerStart.plusYears(1);
    }
    LocalDate summerEnd = LocalDate.of(summerStart.getYear(), 9, 30);
    if (!summerEnd.isBefore(termEnd)) {
      summerEnd = termEnd;
    }
    Integer termId = JsonPath.read(api.post("/terms", JSONValue.toJSONString(Map.of("name", "演示学期",
        "startsOn", termStart.toString(), "endsOn", termEnd.toString(),
        "summerStartsOn", summerStart.toString(), "summerEndsOn", summerEnd.toString()))), "$.id");

    api.postCsv("/roster/import", Files.readAllBytes(FILES.resolve("roster.csv")));

    String className = "一年级1班";
    String teacher = "teacher11-" + suffix;
    String password = "demo-teacher";
    List<Integer> classIds = JsonPath.read(api.get("/classes"), "$[?(@.name == '" + className + "')].id");
    Integer staffId = JsonPath.read(api.post("/staff", JSONValue.toJSONString(Map.of("username", teacher,
        "displayName", "王老师", "password", password, "role", "CLASS_TEACHER"))), "$.id");
    api.put("/classes/" + classIds.get(0) + "/class-teacher", "{\"staffId\":" + staffId + "}");

    List<Map<String, Object>> offerings = JsonPath.read(Files.readString(FILES.resolve("offerings.json")), "$");
    for (Map<String, Object> offering : offerings) {
      offering.put("termId", termId);
      api.post("/offerings", JSONValue.toJSONString(offering));
    }
    // The sheet issues the binding codes the simulator shows next to each guardian.
    api.get("/binding-codes?class=" + java.net.URLEncoder.encode(className, java.nio.charset.StandardCharsets.UTF_8));
    return new DemoSchool(teacher, password, className);
  }
}

package org.kehou.core;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The core alone, on the real MariaDB and Redis, for the core's own integration tests. */
@SpringBootApplication
@Import(CoreConfiguration.class)
public class CoreTestApplication {
}

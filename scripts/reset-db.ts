// Empties the embedded test database after the integration tests (it has one
// database only), so the end-to-end tests start from the demo data alone.
import { emptyDatabase } from "./lib/empty-database";

await emptyDatabase(process.env.DATABASE_URL!);

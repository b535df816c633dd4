import { HomePage } from "@/features/shell/HomePage";

export default HomePage;

"use client";
import { ErrorView } from "@/features/shell/ErrorViews";

export default ErrorView;

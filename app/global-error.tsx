"use client";
import { GlobalErrorView } from "@/features/shell/ErrorViews";

export default GlobalErrorView;

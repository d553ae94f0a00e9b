export declare const TEST_ENV: Record<string, string>;

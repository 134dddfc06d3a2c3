export declare const NOTICE_PAGE_POLICY: string;
export declare function noticePage(page: { title: string; text: string; retryAfterSeconds: number; reloadTo?: string }): string;

/** A fetched HTML page. */
export interface Page {
  /** The URL after redirects. */
  url: string;
  status: number;
  contentType: string;
  html: string;
}

/** Fetches web pages for `research`, with the guards and limits of the crawler. */
export interface PageFetcher {
  fetchPage(url: string, options?: { signal?: AbortSignal }): Promise<Page>;
  /** Fetches a small text resource (robots.txt, sitemap.xml); undefined when absent. */
  fetchText?(url: string, options?: { signal?: AbortSignal }): Promise<string | undefined>;
}

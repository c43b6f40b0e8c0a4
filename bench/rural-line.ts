/**
 * The rural-line measurement of the pages benchmark (issue 16): Chromium with its network
 * throttled through the DevTools protocol to a slow rural line (2 Mbit/s down, 150 ms round
 * trip), a cold cache for every load, and the page's largest contentful paint read from the
 * browser's own PerformanceObserver. Target: the main content shown in under 2.5 s. "Hydrated"
 * is when React has taken the page over (root.tsx marks <html data-hydrated>): from then on it
 * answers clicks and typing as a single-page app.
 */
import { chromium } from '@playwright/test'

export const RURAL_LINE = {
  latencyMs: 150,
  downloadBytesPerSecond: (2_000_000 / 8) * 0.9, // 2 Mbit/s, less the usual protocol overhead
  uploadBytesPerSecond: (1_000_000 / 8) * 0.9,
}

export type RuralLoad = { page: string; 'LCP ms': number; 'first byte ms': number; 'load ms': number; 'hydrated ms': number; 'transferred kB': number }

/** Loads each page `runs` times on a fresh context (cold cache) and keeps the median of each figure. */
export async function measureOnRuralLine(baseUrl: string, pages: Array<{ name: string; path: string }>, runs = 3): Promise<RuralLoad[]> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' })
  try {
    const rows: RuralLoad[] = []
    for (const page of pages) {
      const samples: Array<Omit<RuralLoad, 'page'>> = []
      for (let run = 0; run < runs; run++) samples.push(await loadOnce(browser, baseUrl + page.path))
      const median = (key: keyof Omit<RuralLoad, 'page'>) => samples.map((sample) => sample[key]).sort((a, b) => a - b)[Math.floor(samples.length / 2)]!
      rows.push({ page: page.name, 'LCP ms': median('LCP ms'), 'first byte ms': median('first byte ms'), 'load ms': median('load ms'), 'hydrated ms': median('hydrated ms'), 'transferred kB': median('transferred kB') })
    }
    return rows
  } finally {
    await browser.close()
  }
}

async function loadOnce(browser: Awaited<ReturnType<typeof chromium.launch>>, url: string): Promise<Omit<RuralLoad, 'page'>> {
  const context = await browser.newContext({ locale: 'fr-FR' })
  try {
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: RURAL_LINE.latencyMs,
      downloadThroughput: RURAL_LINE.downloadBytesPerSecond,
      uploadThroughput: RURAL_LINE.uploadBytesPerSecond,
    })
    let transferred = 0
    cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
      transferred += event.encodedDataLength
    })
    await page.addInitScript(() => {
      // Watches the document itself: the script runs before <html> is parsed.
      new MutationObserver((_records, observer) => {
        if (!document.documentElement?.dataset.hydrated) return
        ;(window as { hydratedAt?: number }).hydratedAt = performance.now()
        observer.disconnect()
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-hydrated'] })
    })
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 })
    await page.waitForFunction(() => (window as { hydratedAt?: number }).hydratedAt !== undefined, undefined, { timeout: 60_000 })
    // The last LCP candidate is final once the page has loaded and nothing larger is painted; a
    // short quiet wait lets a late candidate (a web font's repaint) be reported.
    await page.waitForTimeout(500)
    const figures = await page.evaluate(
      () =>
        new Promise<{ lcp: number; firstByte: number; load: number; hydrated: number }>((resolve) => {
          const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
          new PerformanceObserver((list) => {
            const entries = list.getEntries()
            const hydrated = (window as { hydratedAt?: number }).hydratedAt!
            resolve({ lcp: entries[entries.length - 1]!.startTime, firstByte: navigation.responseStart, load: navigation.loadEventEnd, hydrated })
          }).observe({ type: 'largest-contentful-paint', buffered: true })
        }),
    )
    return { 'LCP ms': Math.round(figures.lcp), 'first byte ms': Math.round(figures.firstByte), 'load ms': Math.round(figures.load), 'hydrated ms': Math.round(figures.hydrated), 'transferred kB': Math.round(transferred / 1024) }
  } finally {
    await context.close()
  }
}

import Link from 'next/link';

// Reached for URLs outside both the locale routing and the staff area; bilingual because no language is known.
export default function GlobalNotFound() {
  return (
    <html lang="en">
      <body className="mx-auto max-w-2xl p-6">
        <main>
          <h1 className="text-2xl font-semibold">Page not found</h1>
          <p className="mt-2">The page you asked for does not exist.</p>
          <p lang="ru" className="mt-2">
            Запрошенная страница не существует.
          </p>
          <p className="mt-4">
            <Link href="/">Home</Link> · <Link href="/ru" lang="ru">На главную</Link>
          </p>
        </main>
      </body>
    </html>
  );
}

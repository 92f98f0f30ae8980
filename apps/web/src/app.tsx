import { Paragraph, Spinner } from '@digdir/designsystemet-react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { BrowserRouter, Link, Route, Routes } from 'react-router';
import { api, Me } from './api/client';
import { forgetDirectory } from './api/directory';
import { Layout } from './components/layout';
import { Page } from './components/page';
import { SessionContext } from './components/session';
import { LoginPage } from './login/login-page';
import { StartPage } from './start/start-page';

/** Each area's pages load when first opened, so the start page's JavaScript stays small. */
const DriftPage = lazy(() => import('./drift/drift-page').then((m) => ({ default: m.DriftPage })));
const InvoicePage = lazy(() => import('./ekonomi/invoice-page').then((m) => ({ default: m.InvoicePage })));
const PeriodPage = lazy(() => import('./ekonomi/period-page').then((m) => ({ default: m.PeriodPage })));
const EkonomiPage = lazy(() => import('./ekonomi/ekonomi-page').then((m) => ({ default: m.EkonomiPage })));
const YearToDatePage = lazy(() =>
  import('./ekonomi/year-to-date-page').then((m) => ({ default: m.YearToDatePage })),
);
const SettlementPage = lazy(() =>
  import('./ekonomi/settlement-page').then((m) => ({ default: m.SettlementPage })),
);
const AuditPage = lazy(() => import('./revision/audit-page').then((m) => ({ default: m.AuditPage })));
const ScenarioBuilderPage = lazy(() =>
  import('./styrgrupp/scenario-builder-page').then((m) => ({ default: m.ScenarioBuilderPage })),
);
const StyrgruppPage = lazy(() =>
  import('./styrgrupp/styrgrupp-page').then((m) => ({ default: m.StyrgruppPage })),
);
const ModelPage = lazy(() => import('./tjanstefiering/model-page').then((m) => ({ default: m.ModelPage })));
const PriceListPage = lazy(() =>
  import('./tjanstefiering/price-list-page').then((m) => ({ default: m.PriceListPage })),
);
const SplitPage = lazy(() => import('./tjanstefiering/split-page').then((m) => ({ default: m.SplitPage })));
const LedgerImportPage = lazy(() =>
  import('./tjanstefiering/ledger-import-page').then((m) => ({ default: m.LedgerImportPage })),
);
const TjanstefieringPage = lazy(() =>
  import('./tjanstefiering/tjanstefiering-page').then((m) => ({ default: m.TjanstefieringPage })),
);
const DraftEditPage = lazy(() =>
  import('./tjanstefiering/draft-edit-page').then((m) => ({ default: m.DraftEditPage })),
);
const RegisterImportPage = lazy(() =>
  import('./tjanstefiering/register-import-page').then((m) => ({ default: m.RegisterImportPage })),
);
const NextYearPage = lazy(() =>
  import('./tjanstefiering/next-year-page').then((m) => ({ default: m.NextYearPage })),
);
const ChangesPage = lazy(() =>
  import('./tjanstefiering/next-year-page').then((m) => ({ default: m.ChangesPage })),
);
const BudgetVsActualPage = lazy(() =>
  import('./tjanstefiering/budget-vs-actual-page').then((m) => ({ default: m.BudgetVsActualPage })),
);
const InvoiceLineTracePage = lazy(() =>
  import('./revision/trace-page').then((m) => ({ default: m.InvoiceLineTracePage })),
);
const InternalChargeTracePage = lazy(() =>
  import('./revision/trace-page').then((m) => ({ default: m.InternalChargeTracePage })),
);
const UtvecklingPage = lazy(() =>
  import('./utveckling/utveckling-page').then((m) => ({ default: m.UtvecklingPage })),
);

function NotFound() {
  return (
    <Page title="Sidan finns inte">
      <Paragraph>
        Adressen leder ingenstans. <Link to="/">Till startsidan</Link>
      </Paragraph>
    </Page>
  );
}

/** The logged-in application: one route per page, one folder per user group. */
function Pages() {
  return (
    <Suspense fallback={<Spinner aria-label="Hämtar sidan" data-size="md" />}>
      <Routes>
        <Route path="/" element={<StartPage />} />
        <Route path="/ekonomi" element={<EkonomiPage />} />
        <Route path="/ekonomi/perioder/:period" element={<PeriodPage />} />
        <Route path="/ekonomi/fakturor/:id" element={<InvoicePage />} />
        <Route path="/ekonomi/aret-hittills" element={<YearToDatePage />} />
        <Route path="/ekonomi/slutavrakning" element={<SettlementPage />} />
        <Route path="/tjanstefiering" element={<TjanstefieringPage />} />
        <Route path="/tjanstefiering/modeller/:id" element={<ModelPage />} />
        <Route path="/tjanstefiering/modeller/:id/huvudbok" element={<LedgerImportPage />} />
        <Route path="/tjanstefiering/fordelningar/:id" element={<SplitPage />} />
        <Route path="/tjanstefiering/prislista/:year" element={<PriceListPage />} />
        <Route path="/tjanstefiering/modeller/:id/redigera" element={<DraftEditPage />} />
        <Route path="/tjanstefiering/modeller/:id/register" element={<RegisterImportPage />} />
        <Route path="/tjanstefiering/modeller/:id/nasta-ar" element={<NextYearPage />} />
        <Route path="/tjanstefiering/modeller/:id/forandringar" element={<ChangesPage />} />
        <Route path="/tjanstefiering/budget-mot-utfall" element={<BudgetVsActualPage />} />
        <Route path="/styrgrupp" element={<StyrgruppPage />} />
        <Route path="/styrgrupp/nytt-scenario" element={<ScenarioBuilderPage />} />
        <Route path="/drift" element={<DriftPage />} />
        <Route path="/utveckling" element={<UtvecklingPage />} />
        <Route path="/revision" element={<AuditPage />} />
        <Route path="/revision/fakturarader/:invoiceId/:lineId/sparning" element={<InvoiceLineTracePage />} />
        <Route
          path="/revision/interna-debiteringar/:chargeId/sparning"
          element={<InternalChargeTracePage />}
        />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}

export function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  useEffect(() => {
    api.resume().then(setMe, () => setMe(null));
    return api.onLoggedOut(() => setMe(null));
  }, []);
  if (me === undefined) {
    return (
      <main id="huvudinnehall" className="login-main">
        <Spinner aria-label="Kontrollerar inloggningen" data-size="lg" />
      </main>
    );
  }
  if (me === null) return <LoginPage onLoggedIn={setMe} />;
  const logout = () => {
    forgetDirectory();
    api.logout().finally(() => setMe(null));
  };
  return (
    <SessionContext.Provider value={{ me, logout }}>
      <BrowserRouter>
        <Layout>
          <Pages />
        </Layout>
      </BrowserRouter>
    </SessionContext.Provider>
  );
}

import { createRouter, createWebHashHistory } from 'vue-router'
import { whenUnauthorized } from './api.js'
import { session } from './session.js'
import { t } from './texts.js'
import { ElMessage } from 'element-plus'

// Hash history: every page is /console/#/…, so the admin API serves one index.html and needs no fallback route.
const office = (path, component, meta = {}) => ({ path, component, meta })

export const officePages = [
  office('roster', () => import('./pages/office/RosterImportPage.vue'), { menu: 'roster', adminOnly: true }),
  office('classes', () => import('./pages/office/ClassesPage.vue'), { menu: 'classes' }),
  office('classes/:id', () => import('./pages/office/ClassStudentsPage.vue'), { menu: 'classes' }),
  office('slips', () => import('./pages/office/BindingSlipsPage.vue'), { menu: 'slips' }),
  office('staff', () => import('./pages/office/StaffPage.vue'), { menu: 'staff', adminOnly: true }),
  office('terms', () => import('./pages/office/TermsPage.vue'), { menu: 'terms' }),
  office('offerings', () => import('./pages/office/OfferingsPage.vue'), { menu: 'offerings' }),
  office('applications', () => import('./pages/office/ApplicationsPage.vue'), { menu: 'applications' }),
  office('publicity', () => import('./pages/office/PublicityPage.vue'), { menu: 'publicity' }),
  office('objections', () => import('./pages/office/ObjectionsPage.vue'), { menu: 'objections' }),
  office('agreements', () => import('./pages/office/AgreementsPage.vue'), { menu: 'agreements' }),
  office('messages', () => import('./pages/office/MessagesPage.vue'), { menu: 'messages' }),
  office('notices', () => import('./pages/office/ParentNoticesPage.vue'), { menu: 'notices' }),
  office('inbox', () => import('./pages/office/InboxPage.vue'), { menu: 'inbox' }),
  office('sessions', () => import('./pages/office/SessionsPage.vue'), { menu: 'sessions' }),
  office('absences', () => import('./pages/office/AbsenceCasesPage.vue'), { menu: 'absences' }),
  office('fees', () => import('./pages/office/FeesPage.vue'), { menu: 'fees', adminOnly: true }),
  office('pay', () => import('./pages/office/PayPage.vue'), { menu: 'pay', adminOnly: true }),
  office('records', () => import('./pages/office/RecordsPage.vue'), { menu: 'records' }),
]

const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/login', component: () => import('./pages/LoginPage.vue'), meta: { public: true } },
    {
      path: '/',
      component: () => import('./layouts/OfficeLayout.vue'),
      children: [{ path: '', redirect: () => (session.admin ? '/applications' : '/sessions') }, ...officePages],
    },
    {
      // The phone pages (390 px, Vant) for duty teachers at roll call and at the gate.
      path: '/m',
      component: () => import('./layouts/PhoneLayout.vue'),
      children: [
        { path: '', redirect: '/m/sessions' },
        { path: 'sessions', component: () => import('./pages/phone/PhoneSessionsPage.vue') },
        { path: 'sessions/:offeringId/roll-call', component: () => import('./pages/phone/PhoneRollCallPage.vue') },
        { path: 'sessions/:offeringId/departures', component: () => import('./pages/phone/PhoneDeparturePage.vue') },
        { path: 'absences', component: () => import('./pages/phone/PhoneAbsencesPage.vue') },
        { path: 'duties', component: () => import('./pages/phone/PhoneDutiesPage.vue') },
      ],
    },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
})

router.beforeEach((to) => {
  if (!to.meta.public && !session.token) {
    return { path: '/login', query: { next: to.fullPath } }
  }
  return true
})

whenUnauthorized(() => {
  if (router.currentRoute.value.path !== '/login') {
    ElMessage({ type: 'warning', message: t('app.sessionEnded') })
    router.push({ path: '/login', query: { next: router.currentRoute.value.fullPath } })
  }
})

export default router

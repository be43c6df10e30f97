import { createApp } from 'vue'
import ElementPlus from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import 'element-plus/dist/index.css'
import App from './App.vue'
import router from './router.js'
import { t } from './texts.js'
import './print.css'

document.title = t('app.title')

// Element Plus for the office pages (desktop); the phone layout brings in Vant's components itself.
createApp(App).use(ElementPlus, { locale: zhCn }).use(router).mount('#app')

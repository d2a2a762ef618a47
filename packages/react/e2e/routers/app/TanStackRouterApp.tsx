import { persist } from '@flowkit/core/persist'
import { useWorkflow } from '@flowkit/react'
import { useTanStackRouterHistory } from '@flowkit/react/tanstack-router'
import { createRootRoute, createRoute, createRouter, Link, Outlet, RouterProvider } from '@tanstack/react-router'
import { order } from './flow'
import { Wizard } from './Wizard'

function Checkout() {
  const workflow = useWorkflow(order, { persist: persist({ key: 'tanstack-router-order' }) })
  useTanStackRouterHistory(workflow)
  return <Wizard workflow={workflow} />
}

const rootRoute = createRootRoute({
  component: () => (
    <>
      <nav>
        <Link to="/">Home</Link> <Link to="/checkout">Checkout</Link>
      </nav>
      <Outlet />
    </>
  ),
})
const routeTree = rootRoute.addChildren([
  createRoute({ getParentRoute: () => rootRoute, path: '/', component: () => <h1>Home</h1> }),
  createRoute({ getParentRoute: () => rootRoute, path: '/checkout', component: Checkout }),
])
const router = createRouter({ routeTree, basepath: '/tanstack-router' })

/** TanStack Router with code-based routes, under a base path. */
export const TanStackRouterApp = () => <RouterProvider router={router} />
